import {
  clip,
  isObject,
  malformed,
  namesOf,
  optionalString,
  parseJsonObject,
  requireObject,
  requireString,
  toIso,
  type ParsedWebhook,
} from "./alert.ts";

// PagerDuty Webhooks v3: one event per delivery, `event.id` unique per event (deliveries are
// at-least-once, so it is the delivery id). The PagerDuty incident id is the de-duplication key.
const FIRING = new Set(["incident.triggered", "incident.reopened"]);
const RESOLVED = new Set(["incident.resolved"]);

export function parsePagerDuty(raw: string): ParsedWebhook {
  const body = parseJsonObject(raw);
  const event = requireObject(body, "event", "event");
  const deliveryId = requireString(event, "id", "event.id");
  const type = requireString(event, "event_type", "event.event_type");
  if (!FIRING.has(type) && !RESOLVED.has(type)) {
    // Acknowledgements, notes, priority changes, service events: nothing to open or append.
    return { alerts: [], deliveryId, ignored: 1 };
  }
  const data = requireObject(event, "data", "event.data");
  const incidentId = requireString(data, "id", "event.data.id");
  const service = isObject(data.service) ? optionalString(data.service.summary) : null;
  const priority = isObject(data.priority) ? optionalString(data.priority.summary) : null;
  const urgency = optionalString(data.urgency);
  const title = optionalString(data.title) ?? optionalString(data.summary);
  if (!title) throw malformed("event.data.title", "is required");
  const labels: Record<string, string> = {};
  if (service) labels.service = service;
  if (priority) labels.priority = priority;
  if (urgency) labels.urgency = urgency;
  if (typeof data.number === "number") labels.pagerduty_number = String(data.number);
  const isFiring = FIRING.has(type);
  return {
    alerts: [
      {
        dedupKey: incidentId,
        status: isFiring ? "firing" : "resolved",
        title: clip(title, 200),
        description: clip(optionalString(data.resolve_reason) ?? "", 4000),
        labels,
        serviceHint: service,
        // A priority (P1…) says more than an urgency (high/low) when the account uses them.
        severityHint: priority ?? urgency,
        startedAt: isFiring ? (toIso(data.created_at) ?? toIso(event.occurred_at)) : toIso(data.created_at),
        endedAt: isFiring ? null : toIso(event.occurred_at),
        sourceUrl: optionalString(data.html_url),
        owners: {
          teams: namesOf(data.teams),
          people: namesOf(
            data.assignees ?? (Array.isArray(data.assignments) ? data.assignments.map((a) => (isObject(a) ? a.assignee : null)) : []),
          ),
          escalationPolicy: isObject(data.escalation_policy) ? optionalString(data.escalation_policy.summary) : null,
        },
      },
    ],
    deliveryId,
    ignored: 0,
  };
}
