import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { incidentRef } from "../vocabulary/incidents.ts";
import { getBlastRadii } from "./get-blast-radius.ts";
import type { TriageDto, TriageRowDto } from "../impact/impact-dto.ts";
import { loadImpactModel } from "../impact/impact-settings.ts";
import { latestDueByIncident } from "../stakeholder/latest-due-by-incident.ts";
import { loadImpact } from "../impact/load-impact.ts";
import { compareTriage } from "../impact/priority.ts";

/**
 * Every active (not resolved) incident, ranked by priority score (see computePriority), with
 * money per minute, loss so far and the teams in its blast radius nobody has told yet.
 */
export async function getTriage(actor: Actor, now = new Date()): Promise<TriageDto> {
  assertCan(actor, "incident:read");
  const [found, { currency }] = await Promise.all([
    loadImpact(actor.organizationId, { status: { not: "resolved" } }, now),
    loadImpactModel(db(), actor.organizationId),
  ]);
  const ids = found.map((f) => f.incident.id);
  // All incidents' blast radii at once: one catalog read and one graph index, not one per row.
  const [dueAt, radii] = await Promise.all([latestDueByIncident(actor.organizationId, ids), getBlastRadii(actor, ids)]);
  const rows = found.map(({ incident, impact }): TriageRowDto => {
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
      impact,
      teamsNotNotified: teams.filter((t) => !t.notification).map((t) => ({ id: t.team.id, name: t.team.name })),
      teamsTotal: teams.length,
      stakeholderUpdateDueAt: dueAt.get(incident.id) ?? null,
    };
  });
  rows.sort((a, b) => compareTriage(triageKey(a), triageKey(b)));
  return { asOf: now.toISOString(), currency, incidents: rows };
}

export function triageKey(row: TriageRowDto) {
  return { score: row.impact.priority.score, revenuePerMinute: row.impact.perMinute.revenue, severity: row.incident.severity, startedAt: row.incident.startedAt };
}
