// Client-safe: the alert sources Warroom reads, how each authenticates, and what to paste where.
export const INTEGRATION_KINDS = ["alertmanager", "grafana", "pagerduty", "opsgenie", "datadog", "pingdom", "generic", "survey"] as const;
export type IntegrationKindName = (typeof INTEGRATION_KINDS)[number];
/** Sources that send alerts (everything but customer-feedback surveys, which send answers). */
export type AlertKindName = Exclude<IntegrationKindName, "survey">;

/** How a request proves it comes from the configured source. */
export type AuthStyle = "bearer" | "hmac" | "header";

export const SECRET_HEADER = "X-Warroom-Secret";

/** Sources whose payload is an Alertmanager notification group, which can be kept as one incident. */
export const GROUPING_KINDS: readonly IntegrationKindName[] = ["alertmanager", "grafana"];

export const KIND_INFO: Record<IntegrationKindName, { label: string; auth: AuthStyle; dedupOn: string }> = {
  alertmanager: { label: "Prometheus Alertmanager", auth: "bearer", dedupOn: "each alert's fingerprint" },
  grafana: { label: "Grafana alerting", auth: "bearer", dedupOn: "each alert's fingerprint" },
  pagerduty: { label: "PagerDuty (webhooks v3)", auth: "hmac", dedupOn: "the PagerDuty incident id" },
  opsgenie: { label: "Opsgenie", auth: "header", dedupOn: "the alert alias" },
  datadog: { label: "Datadog", auth: "header", dedupOn: "the aggregation key (monitor + group)" },
  pingdom: { label: "Pingdom", auth: "header", dedupOn: "the check id" },
  generic: { label: "Generic JSON", auth: "header", dedupOn: "dedupKey" },
  survey: { label: "Customer surveys (Zigpoll, Hotjar, Medallia, Delighted, JSON)", auth: "header", dedupOn: "responseId" },
};

/** Paste into Datadog's Webhooks tile (Payload); Warroom reads exactly these fields. */
export const DATADOG_TEMPLATE = `{
  "id": "$ID",
  "alert_id": "$ALERT_ID",
  "aggregate": "$AGGREG_KEY",
  "transition": "$ALERT_TRANSITION",
  "title": "$EVENT_TITLE",
  "body": "$EVENT_MSG",
  "status": "$ALERT_STATUS",
  "priority": "$ALERT_PRIORITY",
  "alert_type": "$ALERT_TYPE",
  "scope": "$ALERT_SCOPE",
  "tags": "$TAGS",
  "date": "$DATE",
  "link": "$LINK"
}`;

export const GENERIC_EXAMPLE = `{
  "dedupKey": "checkout-5xx",
  "status": "firing",
  "title": "Checkout API 5xx above 5%",
  "description": "5xx rate 7.2% over 5 min",
  "service": "Checkout API",
  "severity": "critical",
  "labels": { "env": "prod" },
  "startedAt": "2026-11-27T14:02:00Z",
  "url": "https://grafana.example/d/checkout"
}`;

export const SURVEY_EXAMPLE = `{
  "responseId": "zp-81723",
  "journey": "checkout",
  "score": 2,
  "comment": "Payment spinner never stops",
  "answeredAt": "2026-11-27T14:02:00Z"
}`;
