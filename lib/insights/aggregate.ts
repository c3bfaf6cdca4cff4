// Pure: the figures of the insights page, from incidents and follow-ups already loaded.
import type { JourneyName } from "../vocabulary/catalog.ts";
import type { SeverityName } from "../vocabulary/incidents.ts";
import { isOverdue } from "../action-items/follow-up-order.ts";
import type { ActionItemStatusName } from "../action-items/constants.ts";
import { weekStartOf } from "./weeks.ts";

const MINUTE = 60_000;

export interface InsightIncident {
  severity: SeverityName;
  /** Calendar day it started, in the organisation's zone ("YYYY-MM-DD"). */
  startedDay: string;
  startedAt: Date;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  services: { id: string; name: string }[];
  /** Revenue lost over the whole incident (capped across journeys). */
  loss: number;
  /** The same loss split over the journeys it degraded. */
  journeyLoss: Partial<Record<JourneyName, number>>;
}

export interface WeekFigures {
  weekStart: string;
  bySeverity: Record<SeverityName, number>;
  total: number;
  /** Medians in minutes over the week's incidents that have the times; null when none do. */
  mttaMinutes: number | null;
  mttrMinutes: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Time to acknowledge, from detection (or the start when detection was not recorded). */
export function ttaMinutes(i: Pick<InsightIncident, "startedAt" | "detectedAt" | "acknowledgedAt">): number | null {
  if (!i.acknowledgedAt) return null;
  return Math.max(0, i.acknowledgedAt.getTime() - (i.detectedAt ?? i.startedAt).getTime()) / MINUTE;
}

/** Time to resolve, from the start. */
export function ttrMinutes(i: Pick<InsightIncident, "startedAt" | "resolvedAt">): number | null {
  return i.resolvedAt ? Math.max(0, i.resolvedAt.getTime() - i.startedAt.getTime()) / MINUTE : null;
}

/** Incidents per ISO week by severity, and median MTTA/MTTR of the incidents that started that week. */
export function perWeek(incidents: readonly InsightIncident[], weekStarts: readonly string[]): WeekFigures[] {
  return weekStarts.map((weekStart) => {
    const week = incidents.filter((i) => weekStartOf(i.startedDay) === weekStart);
    const bySeverity: Record<SeverityName, number> = { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 };
    for (const i of week) bySeverity[i.severity]++;
    return {
      weekStart,
      bySeverity,
      total: week.length,
      mttaMinutes: median(week.flatMap((i) => ttaMinutes(i) ?? [])),
      mttrMinutes: median(week.flatMap((i) => ttrMinutes(i) ?? [])),
    };
  });
}

/** Loss per journey over all incidents, largest first; journeys that lost nothing are left out. */
export function lossByJourney(incidents: readonly InsightIncident[]): { journey: JourneyName; loss: number }[] {
  const totals = new Map<JourneyName, number>();
  for (const i of incidents)
    for (const [j, v] of Object.entries(i.journeyLoss) as [JourneyName, number][]) totals.set(j, (totals.get(j) ?? 0) + v);
  return [...totals]
    .filter(([, loss]) => loss > 0)
    .map(([journey, loss]) => ({ journey, loss }))
    .sort((a, b) => b.loss - a.loss);
}

export const NO_SERVICE = { id: "none", name: "No service recorded" } as const;

/**
 * Loss per service: an incident's loss is shared equally by the services it impacted (so the
 * bars add up to the total), or counted under "No service recorded" when it named none.
 */
export function lossByService(incidents: readonly InsightIncident[]): { id: string; name: string; loss: number }[] {
  const totals = new Map<string, { id: string; name: string; loss: number }>();
  for (const i of incidents) {
    if (i.loss <= 0) continue;
    const services = i.services.length ? i.services : [NO_SERVICE];
    for (const s of services) {
      const row = totals.get(s.id) ?? { id: s.id, name: s.name, loss: 0 };
      row.loss += i.loss / services.length;
      totals.set(s.id, row);
    }
  }
  return [...totals.values()].sort((a, b) => b.loss - a.loss);
}

export interface FollowUpStats {
  total: number;
  done: number;
  wontDo: number;
  /** Open or in progress. */
  remaining: number;
  overdue: number;
  /** done ÷ (all − won't do); null when nothing counts yet. */
  completionRate: number | null;
}

export function followUpStats(items: readonly { status: ActionItemStatusName; dueDate: string | null }[], today: string): FollowUpStats {
  const done = items.filter((i) => i.status === "done").length;
  const wontDo = items.filter((i) => i.status === "wont_do").length;
  const counted = items.length - wontDo;
  return {
    total: items.length,
    done,
    wontDo,
    remaining: items.length - done - wontDo,
    overdue: items.filter((i) => isOverdue(i, today)).length,
    completionRate: counted > 0 ? done / counted : null,
  };
}
