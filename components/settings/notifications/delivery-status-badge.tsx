import type { DeliveryStatusName } from "@/lib/outbound/events.ts";
import { cn } from "../../ui/cn.ts";

// A shape and a word beside the colour, like health and severity elsewhere.
const STATUS: Record<DeliveryStatusName, { label: string; mark: string; className: string }> = {
  delivered: { label: "Delivered", mark: "✓", className: "text-ok" },
  pending: { label: "Retrying", mark: "↻", className: "text-warn" },
  failed: { label: "Failed", mark: "✕", className: "text-bad" },
};

export function DeliveryStatusBadge({ status, attempts }: { status: DeliveryStatusName; attempts: number }) {
  const s = STATUS[status];
  const label = status === "pending" && attempts === 0 ? "Queued" : s.label;
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap text-xs" data-status={status}>
      <span aria-hidden className={cn("text-[12px] font-bold leading-none", s.className)}>
        {status === "pending" && attempts === 0 ? "…" : s.mark}
      </span>
      <span className="text-ink">{label}</span>
    </span>
  );
}
