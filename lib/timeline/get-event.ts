import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "../incident-record/schemas.ts";
import { eventSelect, toEventDto, type TimelineEventDto } from "./event-dto.ts";
import { ZEventSeq } from "./schemas.ts";

/** One entry by its number, as it is now. */
export async function getEvent(actor: Actor, incidentId: string, rawSeq: unknown): Promise<TimelineEventDto> {
  assertCan(actor, "incident:read");
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  const seq = ZEventSeq.safeParse(rawSeq);
  if (!seq.success) throw notFound("Timeline entry");
  const row = await db().timelineEvent.findFirst({
    where: { seq: seq.data, incident: { id: incidentId, organizationId: actor.organizationId } },
    select: eventSelect,
  });
  if (!row) throw notFound(`Timeline entry #${seq.data}`);
  return toEventDto(row);
}
