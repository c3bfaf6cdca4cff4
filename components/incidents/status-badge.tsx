import { cn } from "../ui/cn.ts";
import { STATUS_LABELS, type StatusName } from "@/lib/vocabulary/incidents.ts";

// Status scale, one colour and one icon per step of the lifecycle.
export const STATUS_STYLES: Record<StatusName, { cls: string; icon: string }> = {
  investigating: { cls: "text-st-investigating border-st-investigating/50", icon: "?" },
  identified: { cls: "text-st-identified border-st-identified/50", icon: "◎" },
  mitigating: { cls: "text-st-mitigating border-st-mitigating/50", icon: "⟳" },
  monitoring: { cls: "text-st-monitoring border-st-monitoring/50", icon: "◔" },
  resolved: { cls: "text-st-resolved border-st-resolved/50", icon: "✓" },
};

export function StatusBadge({ status }: { status: StatusName }) {
  const s = STATUS_STYLES[status];
  return (
    <span className={cn("inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap", s.cls)}>
      <span aria-hidden>{s.icon}</span>
      {STATUS_LABELS[status]}
    </span>
  );
}
