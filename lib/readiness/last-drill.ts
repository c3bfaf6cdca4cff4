// Pure: when each service and team last rehearsed a failure, and whether that still counts.
import type { ServiceReadiness, TeamReadiness } from "./readiness-checks.ts";

/**
 * A drill counts for 90 days: a quarter, about the time in which on-call rotas, owners and
 * runbooks change enough that the rehearsal no longer describes the team that will answer. So
 * for the coming peak a team needs one in the run-up (from late August for Black Friday), and
 * any drill older than 90 days on the day the board is read is already stale.
 */
export const DRILL_FRESH_DAYS = 90;
const DAY = 86_400_000;

export interface FinishedDrillInvolvement {
  id: string;
  endedAt: Date;
  /** The failing service and the services the practice incident marked impacted. */
  serviceIds: readonly string[];
  /** Teams told during the drill (the one notion of "told": notification entries with a teamId). */
  toldTeamIds: readonly string[];
}

export interface LastDrill {
  verdict: "ok" | "gap";
  drillId: string | null;
  at: string | null;
}

/** Drills must have ended after this to count: 90 days before now, or before the peak once it has begun. */
export function drillCutoff(now: Date, peakStartsAt: Date): Date {
  return new Date(Math.min(now.getTime(), peakStartsAt.getTime()) - DRILL_FRESH_DAYS * DAY);
}

function latest(drills: readonly FinishedDrillInvolvement[], involves: (d: FinishedDrillInvolvement) => boolean, cutoff: Date): LastDrill {
  const last = drills.filter(involves).sort((a, b) => b.endedAt.getTime() - a.endedAt.getTime())[0];
  if (!last) return { verdict: "gap", drillId: null, at: null };
  return { verdict: last.endedAt >= cutoff ? "ok" : "gap", drillId: last.id, at: last.endedAt.toISOString() };
}

function gapText(last: LastDrill, timeZone: string): string | null {
  if (last.verdict === "ok") return null;
  if (!last.at) return "Never drilled";
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" }).format(new Date(last.at));
  return `Last drill ${day}, more than ${DRILL_FRESH_DAYS} days ago`;
}

export function serviceLastDrills(
  services: readonly ServiceReadiness[],
  drills: readonly FinishedDrillInvolvement[],
  cutoff: Date,
  timeZone: string,
): ServiceReadiness[] {
  return services.map((s) => {
    const lastDrill = latest(drills, (d) => d.serviceIds.includes(s.id), cutoff);
    const gap = gapText(lastDrill, timeZone);
    return { ...s, lastDrill, gaps: gap ? [...s.gaps, gap] : s.gaps };
  });
}

/**
 * A team took part when it owns a service the drill involved, or was told during it. A team's
 * gaps say whether it can be reached; its last drill is shown beside them, not counted among them.
 */
export function teamLastDrills(
  teams: readonly TeamReadiness[],
  ownerOf: ReadonlyMap<string, string>,
  drills: readonly FinishedDrillInvolvement[],
  cutoff: Date,
): TeamReadiness[] {
  return teams.map((t) => ({
    ...t,
    lastDrill: latest(drills, (d) => d.toldTeamIds.includes(t.id) || d.serviceIds.some((id) => ownerOf.get(id) === t.id), cutoff),
  }));
}
