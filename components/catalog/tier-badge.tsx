import { TIER_LABELS } from "@/lib/vocabulary/catalog.ts";
import { cn } from "../ui/cn.ts";

// Tiers are not a colour scale of their own (colour is spent on severity and health): weight only.
export function TierBadge({ tier }: { tier: number }) {
  const label = TIER_LABELS[tier as keyof typeof TIER_LABELS] ?? `Tier ${tier}`;
  return (
    <span
      title={label}
      className={cn(
        "inline-flex h-5 items-center rounded border px-1.5 font-mono text-[11px] font-semibold whitespace-nowrap",
        tier === 1 ? "border-ink-muted text-ink" : "border-line text-ink-muted",
      )}
    >
      T{tier}
      <span className="sr-only"> ({label})</span>
    </span>
  );
}
