import type { ParsedWebhook } from "./alert.ts";
import type { AlertKindName } from "./kinds.ts";
import { parseAlertmanager, type GroupOptions } from "./parse-alertmanager.ts";
import { parseDatadog } from "./parse-datadog.ts";
import { parseGeneric } from "./parse-generic.ts";
import { parseGrafana } from "./parse-grafana.ts";
import { parseOpsgenie } from "./parse-opsgenie.ts";
import { parsePagerDuty } from "./parse-pagerduty.ts";
import { parsePingdom } from "./parse-pingdom.ts";

const PARSERS: Record<AlertKindName, (raw: string, options: GroupOptions) => ParsedWebhook> = {
  alertmanager: parseAlertmanager,
  grafana: parseGrafana,
  pagerduty: parsePagerDuty,
  opsgenie: parseOpsgenie,
  datadog: parseDatadog,
  pingdom: parsePingdom,
  generic: parseGeneric,
};

/** Reads a source's raw payload into normalised alerts; a malformed one is a 422 naming the field. */
export function parseWebhook(kind: AlertKindName, raw: string, options: GroupOptions = { groupAlerts: false }): ParsedWebhook {
  return PARSERS[kind](raw, options);
}
