// Client-safe: kinds a person can post versus kinds only the system writes.
export const EVENT_KINDS = [
  "note",
  "action",
  "decision",
  "hypothesis",
  "notification",
  "status_change",
  "severity_change",
  "role_change",
  "impact_change",
  "alert",
  "link",
] as const;
export type EventKindName = (typeof EVENT_KINDS)[number];

export const POSTABLE_KINDS = ["note", "action", "decision", "hypothesis"] as const;
export type PostableKind = (typeof POSTABLE_KINDS)[number];

export const KIND_LABELS: Record<EventKindName, string> = {
  note: "Note",
  action: "Action",
  decision: "Decision",
  hypothesis: "Hypothesis",
  notification: "Notification",
  status_change: "Status",
  severity_change: "Severity",
  role_change: "Role",
  impact_change: "Impact",
  alert: "Alert",
  link: "Link",
};

export const MAX_BODY_LENGTH = 10_000;
/** How far a client clock may run ahead before a back-dated time counts as "in the future". */
export const CLOCK_SKEW_MS = 60_000;
