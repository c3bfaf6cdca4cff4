import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { incidentSelect, toIncidentDto, type IncidentDto } from "./incident-dto.ts";

const RECENT_RESOLVED = 100;

/**
 * Every open incident (worst severity first, then newest), then the most recently started
 * resolved ones. Open incidents are never cut off by the page size.
 */
export async function listIncidents(actor: Actor): Promise<IncidentDto[]> {
  assertCan(actor, "incident:read");
  const [open, resolved] = await Promise.all([
    db().incident.findMany({
      where: { organizationId: actor.organizationId, status: { not: "resolved" } },
      select: incidentSelect,
      orderBy: [{ severity: "asc" }, { startedAt: "desc" }],
    }),
    db().incident.findMany({
      where: { organizationId: actor.organizationId, status: "resolved" },
      select: incidentSelect,
      orderBy: { startedAt: "desc" },
      take: RECENT_RESOLVED,
    }),
  ]);
  return [...open, ...resolved].map(toIncidentDto);
}
