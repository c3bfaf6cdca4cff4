// Outbound notification events. Client-safe: the settings page lists them as checkboxes.
export const OUTBOUND_EVENTS = [
  "incident.declared",
  "incident.severity",
  "incident.status",
  "incident.commander",
  "incident.resolved",
  "stakeholder.update",
  "postmortem.published",
] as const;
export type OutboundEvent = (typeof OUTBOUND_EVENTS)[number];

/** A "Send test message" delivery: not subscribable, always allowed. */
export const TEST_EVENT = "test";
export type DeliveryEventName = OutboundEvent | typeof TEST_EVENT;

export const OUTBOUND_EVENT_LABELS: Record<DeliveryEventName, string> = {
  "incident.declared": "Incident declared",
  "incident.severity": "Severity changed",
  "incident.status": "Status changed",
  "incident.commander": "Commander changed",
  "incident.resolved": "Incident resolved",
  "stakeholder.update": "Stakeholder update",
  "postmortem.published": "Post-mortem published",
  test: "Test message",
};

export const OUTBOUND_KINDS = ["slack", "teams", "webhook"] as const;
export type OutboundKindName = (typeof OUTBOUND_KINDS)[number];

export const OUTBOUND_KIND_LABELS: Record<OutboundKindName, string> = {
  slack: "Slack",
  teams: "Microsoft Teams",
  webhook: "Signed webhook",
};

/** Channel kinds the delivery log can show: the above, and the pager vendors of paging routes (lib/paging). */
export type DeliveryChannelKind = OutboundKindName | "pagerduty" | "opsgenie";

export const DELIVERY_CHANNEL_KIND_LABELS: Record<DeliveryChannelKind, string> = {
  ...OUTBOUND_KIND_LABELS,
  pagerduty: "PagerDuty page",
  opsgenie: "Opsgenie page",
};

/** Requests of pages (lib/paging), as the delivery log names them. */
const PAGE_EVENT_LABELS: Record<string, string> = {
  "page.trigger": "Page",
  "page.escalate": "Page escalation",
  "page.resolve": "Page resolved",
  "page.test": "Test page",
  "page.test.cancel": "Test page cancelled",
};

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatusName = (typeof DELIVERY_STATUSES)[number];

export function eventLabel(event: string): string {
  return (OUTBOUND_EVENT_LABELS as Record<string, string>)[event] ?? PAGE_EVENT_LABELS[event] ?? event;
}
