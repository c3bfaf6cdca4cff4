import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "../incident-record/schemas.ts";
import { stakeholderUpdateSelect, toStakeholderUpdateDto, type StakeholderUpdateDto } from "./stakeholder-dto.ts";

/** An incident's stakeholder updates, newest first; another organisation's incident is a 404. */
export async function listStakeholderUpdates(actor: Actor, incidentId: string): Promise<StakeholderUpdateDto[]> {
  assertCan(actor, "incident:read");
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  const incident = await db().incident.findFirst({ where: { id: incidentId, organizationId: actor.organizationId }, select: { id: true } });
  if (!incident) throw notFound("Incident");
  const rows = await db().stakeholderUpdate.findMany({
    where: { incidentId, organizationId: actor.organizationId },
    orderBy: [{ createdAt: "desc" }, { eventSeq: "desc" }],
    take: 200,
    select: stakeholderUpdateSelect,
  });
  return rows.map(toStakeholderUpdateDto);
}
