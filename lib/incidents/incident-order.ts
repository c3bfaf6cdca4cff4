// Pure and client-safe: the incident list's order, used by the server's listIncidents and by the
// live list in the browser (which re-sorts on every push), so the two cannot drift apart.
import { SEVERITIES, type SeverityName, type StatusName } from "../vocabulary/incidents.ts";

export interface OrderedIncident {
  status: StatusName;
  severity: SeverityName;
  /** ISO 8601 in UTC, as in IncidentDto: compares as text in time order. */
  startedAt: string;
}

/** Open incidents first, worst severity then newest; resolved ones after, newest first. */
export function compareIncidents(a: OrderedIncident, b: OrderedIncident): number {
  const isResolved = Number(a.status === "resolved") - Number(b.status === "resolved");
  if (isResolved) return isResolved;
  if (a.status !== "resolved" && a.severity !== b.severity) return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  return b.startedAt < a.startedAt ? -1 : b.startedAt > a.startedAt ? 1 : 0;
}

export function orderIncidents<T extends OrderedIncident>(incidents: readonly T[]): T[] {
  return [...incidents].sort(compareIncidents);
}
