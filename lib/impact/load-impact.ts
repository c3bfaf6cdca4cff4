import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { ImpactSummaryDto } from "./impact-dto.ts";
import { impactIncidentSelect, summarizeImpactRow, type ImpactIncidentRow, type Participant } from "./impact-row.ts";
import { loadImpactModel } from "./impact-settings.ts";

/** Everyone who wrote in each incident's timeline, with when they first and last did: one query. */
async function participantsOf(incidentIds: string[]): Promise<Map<string, Participant[]>> {
  const out = new Map<string, Participant[]>();
  if (!incidentIds.length) return out;
  const rows = await db().timelineEvent.groupBy({
    by: ["incidentId", "authorId"],
    where: { incidentId: { in: incidentIds }, authorId: { not: null } },
    _min: { recordedAt: true },
    _max: { recordedAt: true },
  });
  for (const r of rows) {
    if (!r.authorId || !r._min.recordedAt || !r._max.recordedAt) continue;
    out.set(r.incidentId, [
      ...(out.get(r.incidentId) ?? []),
      { userId: r.authorId, firstAt: r._min.recordedAt, lastAt: r._max.recordedAt },
    ]);
  }
  return out;
}

/**
 * Impact summaries of the organisation's incidents matching `where`, computed at `now`.
 * The caller has already checked the actor may read them; the organisation scope is applied here.
 */
export async function loadImpact(
  organizationId: string,
  where: Prisma.IncidentWhereInput,
  now = new Date(),
): Promise<{ incident: ImpactIncidentRow; impact: ImpactSummaryDto }[]> {
  const [settings, incidents] = await Promise.all([
    loadImpactModel(db(), organizationId),
    db().incident.findMany({ where: { ...where, organizationId }, select: impactIncidentSelect }),
  ]);
  const participants = await participantsOf(incidents.map((i) => i.id));
  return incidents.map((incident) => ({
    incident,
    impact: summarizeImpactRow(incident, participants.get(incident.id) ?? [], settings, now),
  }));
}
