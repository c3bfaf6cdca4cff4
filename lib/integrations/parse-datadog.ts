import { clip, labelsFromTags, malformed, optionalString, parseJsonObject, requireString, toIso, type ParsedWebhook } from "./alert.ts";

// Datadog webhooks carry whatever JSON template the user pasted in the Webhooks tile, filled
// with $-variables. This reads DATADOG_TEMPLATE (lib/integrations/kinds.ts). Key: the aggregation
// key (one monitor + group), else the monitor id with its scope.
const RESOLVED = new Set(["recovered"]);
const IGNORED = new Set(["renotify", "null"]);

export function parseDatadog(raw: string): ParsedWebhook {
  const body = parseJsonObject(raw);
  const transition = requireString(body, "transition", "transition").toLowerCase();
  if (IGNORED.has(transition)) return { alerts: [], deliveryId: optionalString(body.id), ignored: 1 };
  const alertId = optionalString(body.alert_id);
  const scope = optionalString(body.scope);
  const dedupKey = filled(body.aggregate) ?? (alertId ? (scope ? `${alertId}|${scope}` : alertId) : null);
  if (!dedupKey) throw malformed("aggregate", "is required (or alert_id): paste the template from Warroom");
  const title = filled(body.title) ?? requireString(body, "title", "title");
  const tags = (optionalString(body.tags) ?? "").split(",");
  const scopeTags = (scope ?? "").split(",");
  const labels = { ...labelsFromTags(tags), ...labelsFromTags(scopeTags) };
  const priority = filled(body.priority);
  if (priority) labels.priority = priority;
  const alertType = filled(body.alert_type);
  if (alertType) labels.alert_type = alertType;
  const isResolved = RESOLVED.has(transition);
  const at = toIso(body.date);
  return {
    alerts: [
      {
        dedupKey,
        status: isResolved ? "resolved" : "firing",
        title: clip(title, 200),
        description: clip(filled(body.body) ?? filled(body.status) ?? "", 4000),
        labels,
        serviceHint: null,
        severityHint: priority ?? alertType,
        startedAt: isResolved ? null : at,
        endedAt: isResolved ? at : null,
        sourceUrl: filled(body.link),
      },
    ],
    deliveryId: filled(body.id),
    ignored: 0,
  };
}

/** A variable Datadog had no value for stays as "$NAME" in the text: treat it as empty. */
function filled(v: unknown): string | null {
  const s = optionalString(v);
  return s === null || /^\$[A-Z_]+$/.test(s) ? null : s;
}
