"use client";
import { dueState, formatMinutes } from "@/lib/stakeholder/due-state.ts";
import { useNow } from "../time/use-now.ts";

/** "⚠ Update overdue 4 min" on the triage board once a promised stakeholder update is late; nothing before. */
export function OverdueFlag({ dueAt }: { dueAt: string | null }) {
  const now = useNow(15_000);
  if (!now || !dueAt) return null;
  const state = dueState(dueAt, now);
  if (state.kind !== "overdue") return null;
  return (
    <span
      data-testid="triage-update-overdue"
      className="mt-1 inline-flex items-center gap-1 rounded border border-warn/60 px-1.5 text-xs font-semibold whitespace-nowrap text-warn"
    >
      <span aria-hidden>⚠</span> Update overdue {state.minutes >= 1 ? formatMinutes(state.minutes) : ""}
    </span>
  );
}
