import {
  clip,
  collectLinks,
  labelsFromTags,
  malformed,
  optionalString,
  parseJsonObject,
  toIso,
  type Json,
  type ParsedWebhook,
} from "./alert.ts";

// Datadog webhooks carry whatever JSON the user pasted in the Webhooks tile, filled with its
// $-variables. Two shapes are read: Warroom's template (DATADOG_TEMPLATE in kinds.ts: transition,
// aggregate, title, body, scope…) and payloads keyed by Datadog's own variable names in lower
// case (alert_transition, aggreg_key, alert_cycle_key, event_title, event_msg, alert_scope…), as
// Datadog's documentation and most guides write them. Key: the aggregation key (one monitor +
// group), else the alert cycle key (trigger to recovery), else the monitor id with its scope.
const RESOLVED = new Set(["recovered"]);
const IGNORED = new Set(["renotify", "null"]);

/** The first of several names the same variable goes by that has a value. */
const first = (body: Json, ...keys: string[]) => {
  for (const key of keys) {
    const v = filled(body[key]);
    if (v !== null) return v;
  }
  return null;
};

export function parseDatadog(raw: string): ParsedWebhook {
  const body = parseJsonObject(raw);
  const rawTitle = first(body, "title", "event_title", "alert_title");
  // Datadog's default payload has no transition: its $EVENT_TITLE starts "[Triggered on …]".
  const transition = (first(body, "transition", "alert_transition") ?? transitionFromTitle(rawTitle))?.toLowerCase();
  if (!transition) throw malformed("alert_transition", "is required (or transition, from Warroom's template)");
  const deliveryId = first(body, "id", "event_id");
  if (IGNORED.has(transition)) return { alerts: [], deliveryId, ignored: 1 };
  const alertId = first(body, "alert_id");
  const scope = first(body, "scope", "alert_scope");
  const dedupKey =
    first(body, "aggregate", "aggreg_key", "alert_cycle_key") ?? (alertId ? (scope ? `${alertId}|${scope}` : alertId) : null);
  if (!dedupKey) throw malformed("aggregate", "is required (or aggreg_key, alert_cycle_key or alert_id): paste the template from Warroom");
  if (!rawTitle) throw malformed("title", "is required (or event_title)");
  const title = cleanTitle(rawTitle) || rawTitle;
  const labels = { ...labelsFromTags(tagList(body.tags)), ...labelsFromTags((scope ?? "").split(",")) };
  const priority = first(body, "priority", "alert_priority");
  if (priority) labels.priority = priority;
  const alertType = first(body, "alert_type");
  if (alertType) labels.alert_type = alertType;
  const isResolved = RESOLVED.has(transition);
  const at = toIso(first(body, "date", "date_posix", "last_updated"));
  const link = first(body, "link");
  return {
    alerts: [
      {
        dedupKey,
        status: isResolved ? "resolved" : "firing",
        title: clip(title, 200),
        description: clip(
          stripMarkdownMarkers(first(body, "body", "event_msg", "text_only_msg") ?? first(body, "status", "alert_status") ?? ""),
          4000,
        ),
        labels,
        serviceHint: null,
        severityHint: priority ?? alertType,
        startedAt: isResolved ? null : at,
        endedAt: isResolved ? at : null,
        sourceUrl: link,
        links: collectLinks([{ label: "Datadog", url: link }]),
      },
    ],
    deliveryId,
    ignored: 0,
  };
}

/** A variable Datadog had no value for stays as "$NAME" in the text: treat it as empty. */
function filled(v: unknown): string | null {
  const s = optionalString(v);
  return s === null || /^\$[A-Z_]+$/.test(s) ? null : s;
}

/** $TAGS is "a:b,c" text; a hand-written template may send a JSON list. */
function tagList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((t): t is string => typeof t === "string");
  return (filled(v) ?? "").split(",");
}

const PREFIX = /^\s*\[(triggered|recovered|warn|re-triggered|re-warn|renotify|no data)(?: on [^\]]*)?\]\s*/i;

/** "[Triggered on {service:search-api}] Search API slow" → "Search API slow". */
export function cleanTitle(title: string): string {
  return stripMarkdownMarkers(title.replace(PREFIX, "")).trim();
}

function transitionFromTitle(title: string | null): string | null {
  const m = title ? PREFIX.exec(title) : null;
  return m?.[1] ?? null;
}

/** Datadog wraps Markdown messages in %%% … %%%: the markers are not part of the text. */
export function stripMarkdownMarkers(text: string): string {
  return text
    .replace(/^\s*%%%\s*\n?/, "")
    .replace(/\n?\s*%%%\s*$/, "")
    .replaceAll("%%%", "")
    .trim();
}
