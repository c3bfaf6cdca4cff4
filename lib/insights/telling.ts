// How soon the teams in each incident's blast radius were told, read from the one "told" record
// (lib/timeline/told.ts) the room, triage and the post-mortem read.

/** Told this soon after detection (or the start) counts as "in time". */
export const TOLD_WITHIN_MINUTES = 15;

export interface TellingIncident {
  startedAt: Date;
  detectedAt: Date | null;
  /** Teams in the incident's blast radius (owners of impacted services and the teams they affect). */
  teamIds: readonly string[];
  /** Team id → when it was first told. */
  firstToldAt: ReadonlyMap<string, Date>;
}

export interface TellingStats {
  withinMinutes: number;
  /** Team-incident pairs: a team in two incidents' blast radii counts twice. */
  teamsToTell: number;
  toldInTime: number;
  toldLater: number;
  neverTold: number;
}

export function tellingStats(incidents: readonly TellingIncident[]): TellingStats {
  const stats: TellingStats = { withinMinutes: TOLD_WITHIN_MINUTES, teamsToTell: 0, toldInTime: 0, toldLater: 0, neverTold: 0 };
  for (const i of incidents) {
    const from = (i.detectedAt ?? i.startedAt).getTime();
    for (const teamId of new Set(i.teamIds)) {
      stats.teamsToTell += 1;
      const at = i.firstToldAt.get(teamId);
      if (!at) stats.neverTold += 1;
      else if (at.getTime() - from <= TOLD_WITHIN_MINUTES * 60_000) stats.toldInTime += 1;
      else stats.toldLater += 1;
    }
  }
  return stats;
}
