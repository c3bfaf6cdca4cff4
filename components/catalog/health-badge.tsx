import type { HealthName } from "@/lib/vocabulary/catalog.ts";
import { cn } from "../ui/cn.ts";

// Health scale, the same on catalog, map and room: a shape and a word beside the colour.
const HEALTH: Record<HealthName, { label: string; mark: string; className: string }> = {
  ok: { label: "Healthy", mark: "●", className: "text-ok" },
  degraded: { label: "Degraded", mark: "◐", className: "text-warn" },
  down: { label: "Down", mark: "✕", className: "text-bad" },
  unknown: { label: "Unknown", mark: "○", className: "text-ink-faint" },
};

export function healthLabel(health: HealthName): string {
  return HEALTH[health].label;
}

export function HealthBadge({ health, message, className }: { health: HealthName; message?: string; className?: string }) {
  const h = HEALTH[health];
  return (
    <span
      className={cn("inline-flex items-center gap-1.5 whitespace-nowrap text-xs", className)}
      title={message || undefined}
      data-health={health}
    >
      <span aria-hidden className={cn("text-[11px] leading-none", h.className)}>
        {h.mark}
      </span>
      <span className={health === "unknown" ? "text-ink-muted" : "text-ink"}>{h.label}</span>
    </span>
  );
}
