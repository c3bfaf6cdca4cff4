import {
  clip,
  isObject,
  labelsFromTags,
  namesOf,
  optionalString,
  parseJsonObject,
  requireObject,
  requireString,
  stringMap,
  toIso,
  type ParsedWebhook,
} from "./alert.ts";

// Opsgenie outgoing webhook integration: { action, alert: { alertId, alias, message, tags,
// priority, entity, details, createdAt (epoch ms) }, source, integrationName… }. The alias is
// Opsgenie's own de-duplication key, so it is ours too (falling back to the alert id).
const FIRING = new Set(["Create", "UnAcknowledge"]);
const RESOLVED = new Set(["Close", "Delete"]);

export function parseOpsgenie(raw: string): ParsedWebhook {
  const body = parseJsonObject(raw);
  const action = requireString(body, "action", "action");
  if (!FIRING.has(action) && !RESOLVED.has(action)) return { alerts: [], deliveryId: null, ignored: 1 };
  const alert = requireObject(body, "alert", "alert");
  const alertId = optionalString(alert.alertId);
  const dedupKey = optionalString(alert.alias) ?? requireString(alert, "alertId", "alert.alias");
  const message = requireString(alert, "message", "alert.message");
  const tags = Array.isArray(alert.tags) ? alert.tags.filter((t): t is string => typeof t === "string") : [];
  const details = stringMap(alert.details);
  const labels = { ...labelsFromTags(tags), ...details };
  const entity = optionalString(alert.entity);
  if (entity) labels.entity = entity;
  const priority = optionalString(alert.priority);
  if (priority) labels.priority = priority;
  const isFiring = FIRING.has(action);
  const responders = Array.isArray(alert.responders) ? alert.responders.filter(isObject) : [];
  return {
    alerts: [
      {
        dedupKey,
        status: isFiring ? "firing" : "resolved",
        title: clip(message, 200),
        description: clip(optionalString(alert.description) ?? "", 4000),
        labels,
        serviceHint: entity,
        severityHint: priority,
        startedAt: toIso(alert.createdAt),
        endedAt: isFiring ? null : toIso(alert.updatedAt),
        sourceUrl: alertId ? `https://app.opsgenie.com/alert/detail/${encodeURIComponent(alertId)}/details` : null,
        owners: {
          // `team` names the owning team; responders are teams, users (by username) or schedules.
          teams: [
            ...new Set([
              ...(optionalString(alert.team) ? [optionalString(alert.team)!] : []),
              ...namesOf(responders.filter((r) => r.type === "team")),
            ]),
          ],
          people: namesOf(
            responders.filter((r) => r.type === "user").map((r) => ({ name: optionalString(r.name) ?? optionalString(r.username) })),
          ),
          escalationPolicy: namesOf(responders.filter((r) => r.type === "escalation"))[0] ?? null,
        },
      },
    ],
    deliveryId: null,
    ignored: 0,
  };
}
