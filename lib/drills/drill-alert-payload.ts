// A drill step's alert as its vendor would send it, so the player feeds the real parser: an
// Alertmanager webhook_config body (version 4) or Warroom's generic format.
import { createHash } from "node:crypto";
import type { DrillAlert } from "./scenario-types.ts";

const GO_ZERO_TIME = "0001-01-01T00:00:00Z";

/** Alertmanager's fingerprint is a hash of the label set; the step key plays that part. */
function fingerprint(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

function alertName(title: string): string {
  const head = title.split(":")[0]?.trim() ?? "";
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(head) ? head : "DrillAlert";
}

export function drillAlertPayload(alert: DrillAlert, drillId: string, now: Date): string {
  if (alert.source === "generic") {
    return JSON.stringify({
      dedupKey: alert.key,
      status: alert.status,
      title: alert.title,
      description: alert.description,
      service: alert.service,
      severity: alert.severity,
      labels: { drill: drillId },
      startedAt: now.toISOString(),
    });
  }
  const labels = { alertname: alertName(alert.title), service: alert.service, severity: alert.severity, drill: drillId };
  const annotations = { summary: alert.title, ...(alert.description ? { description: alert.description } : {}) };
  return JSON.stringify({
    version: "4",
    groupKey: `{}:{alertname="${labels.alertname}"}`,
    truncatedAlerts: 0,
    status: alert.status,
    receiver: "warroom-drill",
    groupLabels: { alertname: labels.alertname },
    commonLabels: labels,
    commonAnnotations: annotations,
    externalURL: "",
    alerts: [
      {
        status: alert.status,
        labels,
        annotations,
        startsAt: now.toISOString(),
        endsAt: alert.status === "resolved" ? now.toISOString() : GO_ZERO_TIME,
        generatorURL: "",
        fingerprint: fingerprint(alert.key),
      },
    ],
  });
}
