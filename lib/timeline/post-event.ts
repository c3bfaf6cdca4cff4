import { assertCan, notPermitted, resolveActor, sessionEnded, type Actor } from "../auth/actor.ts";
import type { SessionClaims } from "../auth/session-token.ts";
import { db } from "../db/client.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "../incident-record/schemas.ts";
import { publishTimelineEvent } from "../realtime/emit.ts";
import { insertPostedEvent, type InsertOutcome, type PostedEvent } from "./insert-posted-event.ts";
import { eventSelect, toEventDto, type TimelineEventDto } from "./event-dto.ts";
import { resolveNotifiedTeam } from "./notified-team.ts";
import type { z } from "zod";
import { ZPostEvent } from "./schemas.ts";

export interface PostEventResult {
  event: TimelineEventDto;
  /** False when this clientId was stored before: a retry, answered with the original entry. */
  created: boolean;
}

async function findByClientId(actor: Actor, incidentId: string, clientId: string): Promise<TimelineEventDto | null> {
  const row = await db().timelineEvent.findFirst({
    where: { incidentId, clientId, incident: { organizationId: actor.organizationId } },
    select: eventSelect,
  });
  return row ? toEventDto(row) : null;
}


function toPosted(incidentId: string, data: z.infer<typeof ZPostEvent>): PostedEvent {
  return {
    incidentId,
    kind: data.kind,
    body: data.body,
    data: data.data ?? null,
    clientId: data.clientId ?? null,
    occurredAt: data.occurredAt ? new Date(data.occurredAt) : null,
  };
}

/** The stored entry, published after commit; any other outcome is the error the API answers. */
function stored(result: InsertOutcome): TimelineEventDto {
  if (result.outcome === "no_user") throw sessionEnded();
  if (result.outcome === "not_permitted") throw notPermitted(result.role, "timeline:post");
  if (result.outcome === "no_incident") throw notFound("Incident");
  publishTimelineEvent(result.event);
  return result.event;
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

/**
 * postEvent for a browser session, known by its user id only. The common case (a well-formed new
 * entry) is one round trip: the statement itself reads the user, checks the role and the
 * incident's organisation, and writes. Everything else (bad input, a notification, whose team is
 * resolved against the catalog, a retry) takes
 * postEvent's path with the user resolved first, so every answer is the one postEvent gives,
 * in the same order of checks.
 */
export async function postEventAsUser(session: SessionClaims, incidentId: string, input: unknown): Promise<PostEventResult> {
  const parsed = ZIncidentId.safeParse(incidentId).success ? ZPostEvent.safeParse(input) : undefined;
  if (!parsed?.success || parsed.data.kind === "notification") return postEvent(await resolveActor(session), incidentId, input);
  let result: InsertOutcome;
  try {
    result = await insertPostedEvent(session.userId, toPosted(incidentId, parsed.data), session.version);
  } catch (error) {
    if (isUniqueViolation(error)) return postEvent(await resolveActor(session), incidentId, input);
    throw error;
  }
  // No author row matched (gone, deactivated, signed out): resolveActor says which, as the route handler would.
  if (result.outcome === "no_user") await resolveActor(session);
  return { event: stored(result), created: true };
}
