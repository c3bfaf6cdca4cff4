"use client";
import { describeDue, dueState } from "@/lib/stakeholder/due-state.ts";
import { formatTime, zoneName } from "@/lib/time/format.ts";
import { useTimeZone } from "../time/time-zone.tsx";
import { useNow } from "../time/use-now.ts";
import { cn } from "../ui/cn.ts";

/**
 * "Next update due in 12 min", or, once passed, "Update overdue by 4 min" with a warning icon
 * and a border, so it does not rely on colour. Ticks every few seconds in a box of fixed height.
 */
export function DueBadge({ nextUpdateBy }: { nextUpdateBy: string | null }) {
  const now = useNow(5_000);
  const { timeZone } = useTimeZone();
  const state = now ? dueState(nextUpdateBy, now) : null;
  const overdue = state?.kind === "overdue";
  const due =
    nextUpdateBy && now
      ? `${formatTime(new Date(nextUpdateBy), timeZone).slice(0, 5)} ${zoneName(new Date(nextUpdateBy), timeZone)}`
      : null;
  // Two lines of fixed height, so the panel never shifts as the minutes tick or the state flips.
  return (
    <div
      role="status"
      data-testid="stakeholder-due"
      data-state={state?.kind ?? "loading"}
      className={cn(
        "grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-2 rounded-md border px-2.5 py-1.5",
        overdue ? "border-warn bg-warn/15 text-warn" : "border-line text-ink-muted",
      )}
    >
      <span aria-hidden className="row-span-2 font-mono text-lg leading-none">
        {overdue ? "⚠" : "◷"}
      </span>
      <span className={cn("truncate text-sm tabular", overdue && "font-semibold")}>{state ? describeDue(state) : "\u00a0"}</span>
      <span className="truncate text-xs text-ink-muted tabular">{due ? `${overdue ? "was due" : "due"} ${due}` : "\u00a0"}</span>
    </div>
  );
}
