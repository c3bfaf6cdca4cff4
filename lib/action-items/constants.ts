// Client-safe vocabulary of follow-up action items, shared by forms, the API and the pages.
export const ACTION_ITEM_STATUSES = ["open", "in_progress", "done", "wont_do"] as const;
export type ActionItemStatusName = (typeof ACTION_ITEM_STATUSES)[number];

export const ACTION_ITEM_STATUS_LABELS: Record<ActionItemStatusName, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  wont_do: "Won't do",
};

export const ACTION_ITEM_PRIORITIES = ["high", "medium", "low"] as const;
export type ActionItemPriorityName = (typeof ACTION_ITEM_PRIORITIES)[number];

export const ACTION_ITEM_PRIORITY_LABELS: Record<ActionItemPriorityName, string> = { high: "High", medium: "Medium", low: "Low" };

/** Still to do: what the follow-ups page lists. */
export const OPEN_STATUSES: readonly ActionItemStatusName[] = ["open", "in_progress"];
