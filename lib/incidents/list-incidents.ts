import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { drillCondition, ZListIncidentsQuery } from "../incident-record/include-drills.ts";
import { incidentSelect, toIncidentDto, type IncidentDto } from "../incident-record/incident-dto.ts";
import { orderIncidents } from "./incident-order.ts";

const RECENT_RESOLVED = 100;

/**
 * Every open incident (worst severity first, then newest), then the most recently started
 * resolved ones. Open incidents are never cut off by the page size. Drills' practice incidents
 * only with `{ drills: "include" }`.
 */
export async function listIncidents(actor: Actor, query: { drills?: unknown } = {}): Promise<IncidentDto[]> {
  assertCan(actor, "incident:read");
  const drills = drillCondition(ZListIncidentsQuery.parse(query).drills);
  const [open, resolved] = await Promise.all([
    db().incident.findMany({
      where: { organizationId: actor.organizationId, status: { not: "resolved" }, ...drills },
      select: incidentSelect,
    }),
    db().incident.findMany({
      where: { organizationId: actor.organizationId, status: "resolved", ...drills },
      select: incidentSelect,
      // Picks which resolved ones are recent; the list's order is orderIncidents'.
      orderBy: { startedAt: "desc" },
      take: RECENT_RESOLVED,
    }),
  ]);
  return orderIncidents([...open, ...resolved].map(toIncidentDto));
}
