import { clip, malformed, optionalString, parseJsonObject, requireString, toIso, type ParsedWebhook } from "./alert.ts";

// Pingdom state change webhooks: one check changed state (uptime UP/DOWN, transaction
// SUCCESS/FAILING). The check id is the de-duplication key; the check name hints the service.
const FIRING = new Set(["DOWN", "FAILING"]);
const RESOLVED = new Set(["UP", "SUCCESS"]);

export function parsePingdom(raw: string): ParsedWebhook {
  const body = parseJsonObject(raw);
  const checkId = requireString(body, "check_id", "check_id");
  const name = requireString(body, "check_name", "check_name");
  const state = requireString(body, "current_state", "current_state").toUpperCase();
  if (!FIRING.has(state) && !RESOLVED.has(state)) throw malformed("current_state", "must be UP, DOWN, SUCCESS or FAILING");
  const labels: Record<string, string> = { check: name };
  const type = optionalString(body.check_type);
  if (type) labels.check_type = type;
  const importance = optionalString(body.importance_level);
  if (importance) labels.importance = importance;
  if (Array.isArray(body.tags)) {
    const tags = body.tags.filter((t): t is string => typeof t === "string");
    if (tags.length) labels.tags = tags.join(",");
  }
  const isFiring = FIRING.has(state);
  const at = toIso(body.state_changed_timestamp) ?? toIso(body.state_changed_utc_time ? `${String(body.state_changed_utc_time)}Z` : null);
  const short = optionalString(body.description);
  return {
    alerts: [
      {
        dedupKey: checkId,
        status: isFiring ? "firing" : "resolved",
        title: clip(`${name} is ${state}${short && isFiring ? `: ${short}` : ""}`, 200),
        description: clip(optionalString(body.long_description) ?? short ?? "", 4000),
        labels,
        serviceHint: name,
        severityHint: importance,
        startedAt: isFiring ? at : null,
        endedAt: isFiring ? null : at,
        sourceUrl: `https://my.pingdom.com/app/reports/uptime#check=${encodeURIComponent(checkId)}`,
      },
    ],
    deliveryId: null,
    ignored: 0,
  };
}
