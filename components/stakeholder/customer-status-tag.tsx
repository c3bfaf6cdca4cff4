import { CUSTOMER_STATUS_LABELS, type CustomerStatusName } from "@/lib/stakeholder/constants.ts";
import { cn } from "../ui/cn.ts";

// Customer-facing status reuses the health scale (ok / degraded / down) with a glyph and words,
// never colour alone.
export const CUSTOMER_STATUS_STYLE: Record<CustomerStatusName, { glyph: string; text: string; className: string }> = {
  operational: { glyph: "✓", text: "text-ok", className: "border-ok/50 text-ok" },
  degraded: { glyph: "◐", text: "text-warn", className: "border-warn/60 text-warn" },
  partial_outage: { glyph: "▲", text: "text-sev2", className: "border-sev2/60 text-sev2" },
  major_outage: { glyph: "✕", text: "text-bad", className: "border-bad/60 text-bad" },
};

export function CustomerStatusTag({ status, label, className }: { status: CustomerStatusName; label?: string; className?: string }) {
  const style = CUSTOMER_STATUS_STYLE[status];
  return (
    <span
      className={cn("inline-flex items-center gap-1 rounded border px-1.5 py-px text-xs whitespace-nowrap", style.className, className)}
    >
      <span aria-hidden className="font-mono text-[11px] leading-none">
        {style.glyph}
      </span>
      {label ? <span className="text-ink">{label}:</span> : null}
      {CUSTOMER_STATUS_LABELS[status]}
    </span>
  );
}
