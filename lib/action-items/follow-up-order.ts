// Pure: which follow-ups are late, and the order the follow-ups page shows them in.
import type { ActionItemPriorityName, ActionItemStatusName } from "./constants.ts";

const PRIORITY_RANK: Record<ActionItemPriorityName, number> = { high: 0, medium: 1, low: 2 };

/** Today as "YYYY-MM-DD" in a time zone: due dates are calendar days of the organisation. */
export function calendarDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** Late: still to do and its due day is before today (due today is not late yet). */
export function isOverdue(item: { dueDate: string | null; status: ActionItemStatusName }, today: string): boolean {
  return item.dueDate !== null && item.dueDate < today && (item.status === "open" || item.status === "in_progress");
}

export interface OrderableItem {
  dueDate: string | null;
  priority: ActionItemPriorityName;
  createdAt: string;
}

/**
 * Overdue first (the longest overdue on top), then due soonest, then items without a due date;
 * the same day breaks ties by priority, then by age. ISO days compare as strings.
 */
export function compareFollowUps(a: OrderableItem, b: OrderableItem): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  const byPriority = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  if (byPriority) return byPriority;
  return a.createdAt.localeCompare(b.createdAt);
}
