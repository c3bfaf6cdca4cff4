import { assertCan, type Actor } from "../auth/actor.ts";
import { incidentRef } from "../vocabulary/incidents.ts";
import { blastRadiiOf, readCatalog } from "./get-blast-radius.ts";
import type { TriageDto, TriageRowDto } from "../impact/impact-dto.ts";
import { loadImpactModelNow } from "../impact/impact-settings.ts";
import { summarizeImpactRow } from "../impact/impact-row.ts";
import { compareTriage } from "../impact/priority.ts";
import { readTriageIncidents } from "./read-triage-incidents.ts";

/**
 * Every active (not resolved) incident, ranked by priority score (see computePriority), with
 * money per minute, loss so far and the teams in its blast radius nobody has told yet.
 * Every /triage render and every refresh of the board runs this: the incidents are one statement
 * (readTriageIncidents), the catalog another, the impact settings a third.
 */
export async function getTriage(actor: Actor, now = new Date()): Promise<TriageDto> {
  assertCan(actor, "incident:read");
  const [records, settings, catalog] = await Promise.all([
    readTriageIncidents(actor.organizationId),
    loadImpactModelNow(actor.organizationId),
    readCatalog(actor.organizationId),
  ]);
  const radii = blastRadiiOf(
    catalog,
    records.map((r) => ({ id: r.incident.id, serviceIds: r.serviceIds, notifications: r.notifications })),
  );
  const rows = records.map(({ incident, participants, stakeholderUpdateDueAt }): TriageRowDto => {
    const teams = radii.get(incident.id)?.teams ?? [];
    return {
      incident: {
        id: incident.id,
        ref: incidentRef(incident.number),
        title: incident.title,
        drillId: incident.drillId,
        severity: incident.severity,
        status: incident.status,
        startedAt: incident.startedAt.toISOString(),
        commander: incident.commander,
        suggestedCommander: incident.commander ? null : incident.suggestedCommander,
      },
      impact: summarizeImpactRow(incident, participants, settings, now),
      teamsNotNotified: teams.filter((t) => !t.notification).map((t) => ({ id: t.team.id, name: t.team.name })),
      teamsTotal: teams.length,
      stakeholderUpdateDueAt,
    };
  });
  rows.sort((a, b) => compareTriage(triageKey(a), triageKey(b)));
  return { asOf: now.toISOString(), currency: settings.currency, incidents: rows };
}

export function triageKey(row: TriageRowDto) {
  return {
    score: row.impact.priority.score,
    revenuePerMinute: row.impact.perMinute.revenue,
    severity: row.incident.severity,
    startedAt: row.incident.startedAt,
  };
}
