import {
  clip,
  collectLinks,
  isObject,
  malformed,
  optionalString,
  parseJsonObject,
  stringMap,
  toIso,
  type Json,
  type NormalizedAlert,
  type ParsedWebhook,
} from "./alert.ts";

// Prometheus Alertmanager webhook_config payload (version 4). Grafana's unified alerting sends
// the same shape with a few extra fields, so it reuses this reader (see parse-grafana.ts).
// One normalised alert per entry of alerts[], keyed by its fingerprint: the identity of one
// alert (its label set), stable across repeats. Without a fingerprint the group key is used.

export interface GroupOptions {
  /** One key per notification group (groupKey) instead of one per alert. */
  groupAlerts: boolean;
}

export function parseAlertmanager(raw: string, options: GroupOptions = { groupAlerts: false }): ParsedWebhook {
  const body = parseJsonObject(raw);
  const alerts = readAlertGroup(body);
  return { alerts: options.groupAlerts ? [asGroup(body, alerts)] : alerts, deliveryId: null, ignored: 0 };
}

/**
 * The whole notification as one alert: Alertmanager already grouped what belongs together
 * (group_by), so fifty pods failing the same rule are one incident. The group fires while any
 * of its alerts fires and resolves when all have.
 */
export function asGroup(body: Json, alerts: NormalizedAlert[]): NormalizedAlert {
  const groupKey = optionalString(body.groupKey);
  if (!groupKey) throw malformed("groupKey", "is required to group alerts");
  const firing = alerts.filter((a) => a.status === "firing");
  const status = firing.length ? "firing" : "resolved";
  const first = firing[0] ?? alerts[0];
  const commonLabels = stringMap(body.commonLabels);
  const commonAnnotations = stringMap(body.commonAnnotations);
  const name = commonAnnotations.summary ?? commonLabels.alertname ?? first?.title ?? "Alert group";
  const times = (pick: (a: NormalizedAlert) => string | null) =>
    alerts
      .map(pick)
      .filter((t): t is string => t !== null)
      .sort();
  const lines = (firing.length ? firing : alerts)
    .slice(0, 10)
    .map((a) => `• ${a.title}${a.labels.instance ? ` (${a.labels.instance})` : ""}`);
  const more = (firing.length || alerts.length) - lines.length;
  return {
    dedupKey: groupKey,
    status,
    title: clip(status === "firing" && firing.length > 1 ? `${name} (${firing.length} firing)` : name, 200),
    description: clip(
      [commonAnnotations.description ?? "", ...lines, more > 0 ? `… and ${more} more` : ""].filter(Boolean).join("\n"),
      4000,
    ),
    labels: { ...(first?.labels ?? {}), ...commonLabels },
    serviceHint: null,
    severityHint: commonLabels.severity ?? first?.severityHint ?? null,
    startedAt: times((a) => a.startedAt)[0] ?? null,
    endedAt: status === "resolved" ? (times((a) => a.endedAt).at(-1) ?? null) : null,
    sourceUrl: first?.sourceUrl ?? optionalString(body.externalURL),
    links: collectLinks([...alerts.flatMap((a) => a.links ?? []), { label: "Alertmanager", url: optionalString(body.externalURL) }]),
    members: alerts
      .slice(0, 50)
      .map((a) => ({ title: a.title, status: a.status, instance: a.labels.instance ?? null, startedAt: a.startedAt })),
  };
}

export function readAlertGroup(body: Json, extra?: (alert: Json) => Partial<NormalizedAlert>): NormalizedAlert[] {
  const alerts = body.alerts;
  if (!Array.isArray(alerts)) throw malformed("alerts", "must be a list of alerts");
  const groupKey = optionalString(body.groupKey);
  const commonLabels = stringMap(body.commonLabels);
  const commonAnnotations = stringMap(body.commonAnnotations);
  return alerts.map((entry, i): NormalizedAlert => {
    const path = `alerts.${i}`;
    if (!isObject(entry)) throw malformed(path, "must be an object");
    const status = entry.status;
    if (status !== "firing" && status !== "resolved") throw malformed(`${path}.status`, 'must be "firing" or "resolved"');
    const labels = { ...commonLabels, ...stringMap(entry.labels) };
    const annotations = { ...commonAnnotations, ...stringMap(entry.annotations) };
    const fingerprint = optionalString(entry.fingerprint);
    const dedupKey = fingerprint ?? (groupKey ? `${groupKey}|${JSON.stringify(sorted(labels))}` : null);
    if (!dedupKey) throw malformed(`${path}.fingerprint`, "is required (or a groupKey on the payload)");
    const title = annotations.summary ?? labels.alertname ?? "Alert";
    return {
      dedupKey,
      status,
      title: clip(title, 200),
      description: clip(annotations.description ?? annotations.message ?? "", 4000),
      labels,
      serviceHint: null,
      severityHint: labels.severity ?? null,
      startedAt: toIso(entry.startsAt),
      endedAt: status === "resolved" ? toIso(entry.endsAt) : null,
      sourceUrl: optionalString(entry.generatorURL),
      links: collectLinks([
        { label: "Runbook", url: annotations.runbook_url },
        { label: "Source graph", url: optionalString(entry.generatorURL) },
        { label: "Alertmanager", url: optionalString(body.externalURL) },
      ]),
      ...extra?.(entry),
    };
  });
}

function sorted(labels: Record<string, string>): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
