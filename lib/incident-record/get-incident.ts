import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { incidentSelect, toIncidentDto, type IncidentDto } from "./incident-dto.ts";
import { ZIncidentId } from "./schemas.ts";

/** Scoped to the actor's organisation in the query itself; a foreign or malformed id is a 404. */
export async function getIncidentOrThrow(actor: Actor, incidentId: string): Promise<IncidentDto> {
  assertCan(actor, "incident:read");
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  const row = await db().incident.findFirst({
    where: { id: incidentId, organizationId: actor.organizationId },
    select: incidentSelect,
  });
  if (!row) throw notFound("Incident");
  return toIncidentDto(row);
}
