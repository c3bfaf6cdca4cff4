import { optionalString, parseJsonObject, type ParsedWebhook } from "./alert.ts";
import { asGroup, readAlertGroup, type GroupOptions } from "./parse-alertmanager.ts";

// Grafana unified alerting webhook contact point: Alertmanager's payload plus orgId, title,
// state, message and per-alert dashboardURL/panelURL/silenceURL/values. The dashboard or panel
// is the better link for a responder than the rule editor (generatorURL).
export function parseGrafana(raw: string, options: GroupOptions = { groupAlerts: false }): ParsedWebhook {
  const body = parseJsonObject(raw);
  const alerts = readAlertGroup(body, (alert) => {
    const link = optionalString(alert.panelURL) ?? optionalString(alert.dashboardURL) ?? optionalString(alert.generatorURL);
    return { sourceUrl: link };
  });
  return { alerts: options.groupAlerts ? [asGroup(body, alerts)] : alerts, deliveryId: null, ignored: 0 };
}
