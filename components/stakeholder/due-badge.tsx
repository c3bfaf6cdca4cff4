"use client";
import { describeDue, dueState } from "@/lib/stakeholder/due-state.ts";
import { formatTime, zoneName } from "@/lib/time/format.ts";
import { useNow } from "../time/use-now.ts";
import { cn } from "../ui/cn.ts";

/**
 * "Next update due in 12 min", or, once passed, "Update overdue by 4 min" with a warning icon
 * and a border, so it does not rely on colour. Ticks every few seconds in a box of fixed height.
 */
export function DueBadge({ nextUpdateBy }: { nextUpdateBy: string | null }) {
  const now = useNow(5_000);
  const state = now ? dueState(nextUpdateBy, now) : null;
  const overdue = state?.kind === "overdue";
  return (
    <div
      role="status"
      data-testid="stakeholder-due"
      data-state={state?.kind ?? "loading"}
      className={cn(
        "flex min-h-9 items-center gap-2 rounded-md border px-2.5 py-1.5 text-sm",
        overdue ? "border-warn bg-warn/15 font-semibold text-warn" : "border-line text-ink-muted",
      )}
    >
      <span aria-hidden className="font-mono text-base leading-none">{overdue ? "⚠" : "◷"}</span>
      <span className="tabular">{state ? describeDue(state) : "\u00a0"}</span>
      {nextUpdateBy && now ? <span className="ml-auto font-mono text-xs font-normal text-ink-faint tabular">due {formatTime(new Date(nextUpdateBy)).slice(0, 5)} {zoneName(new Date(nextUpdateBy))}</span> : null}
    </div>
  );
}
