// Pure and client-safe: how the room shows the promise of the next stakeholder update.

export type DueState = { kind: "none" } | { kind: "due"; minutes: number } | { kind: "overdue"; minutes: number };

/**
 * "next due in 12 min" (rounded up: 11 min 20 s is still "12 min" away) or "overdue by 4 min"
 * (rounded down; overdue from the second it passes, "by 0 min" reads as "just now").
 */
export function dueState(nextUpdateBy: string | null, now: Date): DueState {
  if (!nextUpdateBy) return { kind: "none" };
  const diff = Date.parse(nextUpdateBy) - now.getTime();
  if (diff > 0) return { kind: "due", minutes: Math.ceil(diff / 60_000) };
  return { kind: "overdue", minutes: Math.max(0, Math.floor(-diff / 60_000)) };
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function describeDue(state: DueState): string {
  switch (state.kind) {
    case "none":
      return "No next update promised";
    case "due":
      return `Next update due in ${formatMinutes(state.minutes)}`;
    case "overdue":
      return state.minutes < 1 ? "Update overdue" : `Update overdue by ${formatMinutes(state.minutes)}`;
  }
}
