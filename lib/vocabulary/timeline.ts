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
  "amendment",
  "stakeholder_update",
] as const;
export type EventKindName = (typeof EVENT_KINDS)[number];

export const POSTABLE_KINDS = ["note", "action", "decision", "hypothesis", "notification", "link"] as const;
export type PostableKind = (typeof POSTABLE_KINDS)[number];

export const KIND_LABELS: Record<EventKindName, string> = {
  note: "Note",
  action: "Action",
  decision: "Decision",
  hypothesis: "Hypothesis",
  notification: "Notified",
  status_change: "Status",
  severity_change: "Severity",
  role_change: "Role",
  impact_change: "Impact",
  alert: "Alert",
  link: "Link",
  amendment: "Change",
  stakeholder_update: "Stakeholders",
};

export const ACTION_OUTCOMES = ["pending", "worked", "failed"] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];

export const HYPOTHESIS_STATES = ["open", "confirmed", "ruled_out"] as const;
export type HypothesisState = (typeof HYPOTHESIS_STATES)[number];

export const NOTIFY_CHANNELS = ["chat", "phone", "email", "pager", "in_person", "other"] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export const MAX_BODY_LENGTH = 10_000;
/** How far a client clock may run ahead before a back-dated time counts as "in the future". */
export const CLOCK_SKEW_MS = 60_000;
