import type { ActionItemPriorityName } from "@/lib/action-items/constants.ts";
import { ACTION_ITEM_PRIORITY_LABELS } from "@/lib/action-items/constants.ts";
import { cn } from "@/components/ui/cn.ts";

const PRIORITY_STYLES: Record<ActionItemPriorityName, { cls: string; mark: string }> = {
  high: { cls: "border-sev2/50 text-sev2", mark: "▲" },
  medium: { cls: "border-line-strong text-ink-muted", mark: "■" },
  low: { cls: "border-line text-ink-faint", mark: "▽" },
};

export function PriorityBadge({ priority }: { priority: ActionItemPriorityName }) {
  const s = PRIORITY_STYLES[priority];
  return (
    <span className={cn("inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-medium whitespace-nowrap", s.cls)}>
      <span aria-hidden className="text-[9px]">
        {s.mark}
      </span>
      {ACTION_ITEM_PRIORITY_LABELS[priority]}
    </span>
  );
}

/** Overdue is said in words and with an icon, never by colour alone. */
export function OverdueFlag() {
  return (
    <span
      className="inline-flex items-center gap-1 rounded border border-sev1/50 bg-sev1/10 px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap text-sev1"
      data-testid="overdue-flag"
    >
      <span aria-hidden>⚠</span>Overdue
    </span>
  );
}

/** "Due 24 Dec", "Due today", "No due date". A finished item is no longer "10 d late". */
export function DueDate({
  day,
  today,
  isOverdue,
  isFinished = false,
}: {
  day: string | null;
  today: string;
  isOverdue: boolean;
  isFinished?: boolean;
}) {
  if (!day) return <span className="text-ink-faint">No due date</span>;
  const label =
    day === today
      ? "today"
      : new Intl.DateTimeFormat("en-GB", {
          day: "numeric",
          month: "short",
          year: day.slice(0, 4) === today.slice(0, 4) ? undefined : "numeric",
          timeZone: "UTC",
        }).format(new Date(`${day}T00:00:00Z`));
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const hint = isFinished ? "" : days < 0 ? `${-days} d late` : days > 0 ? `in ${days} d` : "";
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <time dateTime={day} className={cn("tabular", isOverdue ? "font-medium text-ink" : "text-ink-muted")}>
        Due {label}
      </time>
      {hint ? <span className="text-xs text-ink-faint tabular">{hint}</span> : null}
      {isOverdue ? <OverdueFlag /> : null}
    </span>
  );
}
