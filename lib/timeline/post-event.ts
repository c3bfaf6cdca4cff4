import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "../incident-record/schemas.ts";
import { insertPostedEvent, type InsertOutcome } from "./insert-posted-event.ts";
import { eventSelect, toEventDto, type TimelineEventDto } from "./event-dto.ts";
import { resolveNotifiedTeam } from "./resolve-notified-team.ts";
import { ZPostEvent } from "./schemas.ts";
import { type PostEventResult, stored, toPosted } from "./posted-entry.ts";

async function findByClientId(actor: Actor, incidentId: string, clientId: string): Promise<TimelineEventDto | null> {
  const row = await db().timelineEvent.findFirst({
    where: { incidentId, clientId, incident: { organizationId: actor.organizationId } },
    select: eventSelect,
  });
  return row ? toEventDto(row) : null;
}

/** Posts an entry to an incident's timeline. Idempotent on clientId, whatever the retries. */
export async function postEvent(actor: Actor, incidentId: string, input: unknown): Promise<PostEventResult> {
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  assertCan(actor, "timeline:post");
  const parsed = ZPostEvent.parse(input);
  const data = { ...parsed, data: await resolveNotifiedTeam(actor, parsed.data) };

  let result: InsertOutcome;
  try {
    // The statement checks the author again: a role changed since the request began counts.
    result = await insertPostedEvent(actor.userId, toPosted(incidentId, data), null, actor.apiToken);
  } catch (error) {
    // A retry of an entry already stored (or two retries racing): answer with the stored row.
    if (data.clientId && isUniqueViolation(error)) {
      const existing = await findByClientId(actor, incidentId, data.clientId);
      if (existing) return { event: existing, created: false };
    }
    if (isUniqueViolation(error)) throw new AppError("conflict", "That entry was already stored");
    throw error;
  }
  return { event: stored(result), created: true };
}
