import type { SeverityName } from "../vocabulary/incidents.ts";
import type { NormalizedAlert } from "./alert.ts";

// Pure: which catalog service and which severity an alert gets, from the integration's mapping.

export interface ServiceRule {
  label: string;
  value: string;
  serviceId: string;
}

export interface SeverityRule {
  value: string;
  severity: SeverityName;
}

export interface AlertMapping {
  serviceLabel: string;
  defaultServiceId: string | null;
  serviceRules: ServiceRule[];
  severityLabel: string;
  severityRules: SeverityRule[];
  defaultSeverity: SeverityName;
}

/** "checkout-api", "Checkout API" and "checkout_api" name the same service. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/**
 * Every name an alert may use for a service (its name and its aliases, compared as nameKey) →
 * service id. A name wins over another service's alias; an alias two services share names neither.
 */
export function serviceKeys(services: readonly { id: string; name: string; aliases: readonly string[] }[]): Map<string, string> {
  const out = new Map(services.map((s) => [nameKey(s.name), s.id]));
  const claimed = new Map<string, string | null>();
  for (const s of services) {
    for (const alias of s.aliases) {
      const key = nameKey(alias);
      if (!key || out.has(key)) continue;
      const owner = claimed.get(key);
      claimed.set(key, owner === undefined || owner === s.id ? s.id : null);
    }
  }
  for (const [key, id] of claimed) if (id) out.set(key, id);
  return out;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The text that names the service: the configured label, else the source's own hint. */
export function serviceName(alert: NormalizedAlert, mapping: AlertMapping): string | null {
  return alert.labels[mapping.serviceLabel] ?? alert.serviceHint;
}

/**
 * Rules first (an explicit "label = value → service"), then a catalog service whose name matches
 * the label, then the default service; null when nothing matches (the alert is still recorded).
 */
export function pickService(alert: NormalizedAlert, mapping: AlertMapping, services: ReadonlyMap<string, string>): string | null {
  for (const rule of mapping.serviceRules) {
    const v = alert.labels[rule.label];
    if (v !== undefined && same(v, rule.value)) return rule.serviceId;
  }
  const name = serviceName(alert, mapping);
  const byName = name ? services.get(nameKey(name)) : undefined;
  return byName ?? mapping.defaultServiceId;
}

/** The owning team the source named (PagerDuty/Opsgenie teams, a `team` label), if Warroom has one by that name. */
export function pickTeam(
  alert: NormalizedAlert,
  teams: ReadonlyMap<string, { id: string; name: string }>,
): { id: string; name: string } | null {
  for (const name of [...(alert.owners?.teams ?? []), ...(alert.labels.team ? [alert.labels.team] : [])]) {
    const team = teams.get(nameKey(name));
    if (team) return team;
  }
  return null;
}

/** The first rule whose value equals the severity label (or the source's severity), else the default. */
export function pickSeverity(alert: NormalizedAlert, mapping: AlertMapping): SeverityName {
  const candidates = [alert.labels[mapping.severityLabel], alert.severityHint].filter((v): v is string => Boolean(v));
  for (const value of candidates) {
    const rule = mapping.severityRules.find((r) => same(r.value, value));
    if (rule) return rule.severity;
  }
  return mapping.defaultSeverity;
}

/** What a new integration starts with: common vocabularies of the sources, editable afterwards. */
export const DEFAULT_SEVERITY_RULES: SeverityRule[] = [
  { value: "P1", severity: "SEV1" },
  { value: "critical", severity: "SEV2" },
  { value: "P2", severity: "SEV2" },
  { value: "high", severity: "SEV2" },
  { value: "error", severity: "SEV2" },
  { value: "warning", severity: "SEV3" },
  { value: "P3", severity: "SEV3" },
  { value: "low", severity: "SEV4" },
  { value: "info", severity: "SEV4" },
  { value: "P4", severity: "SEV4" },
  { value: "P5", severity: "SEV4" },
];
