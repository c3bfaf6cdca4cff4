// Client-safe names and labels of paging.
import type { SeverityName } from "../vocabulary/incidents.ts";

export const PAGING_KINDS = ["pagerduty", "opsgenie", "webhook"] as const;
export type PagingKindName = (typeof PAGING_KINDS)[number];

export const PAGING_KIND_LABELS: Record<PagingKindName, string> = {
  pagerduty: "PagerDuty",
  opsgenie: "Opsgenie",
  webhook: "Signed page webhook",
};

export const ESCALATION_ACTIONS = ["repeat", "next_contact", "team"] as const;
export type EscalationActionName = (typeof ESCALATION_ACTIONS)[number];

export const ESCALATION_LABELS: Record<EscalationActionName, string> = {
  repeat: "Page again",
  next_contact: "Page the next contact in the calling order",
  team: "Page the escalation team",
};

export const PAGE_STATUSES = ["triggered", "acknowledged", "resolved", "failed"] as const;
export type PageStatusName = (typeof PAGE_STATUSES)[number];

/** Delivery events of pages, as the delivery log shows them. */
export const PAGE_EVENTS = {
  trigger: "page.trigger",
  escalate: "page.escalate",
  resolve: "page.resolve",
  test: "page.test",
  cancelTest: "page.test.cancel",
} as const;

/** PagerDuty Events v2 `payload.severity`. */
export const PAGERDUTY_SEVERITY: Record<SeverityName, "critical" | "error" | "warning" | "info"> = {
  SEV1: "critical",
  SEV2: "error",
  SEV3: "warning",
  SEV4: "info",
};

/** Opsgenie alert priority (P5 is left for informational alerts nobody needs to wake for). */
export const OPSGENIE_PRIORITY: Record<SeverityName, "P1" | "P2" | "P3" | "P4"> = {
  SEV1: "P1",
  SEV2: "P2",
  SEV3: "P3",
  SEV4: "P4",
};

export const OPSGENIE_RESPONDER_TYPES = ["team", "user", "escalation", "schedule"] as const;
