import { resolveActor } from "../auth/resolve-actor.ts";
import type { SessionClaims } from "../auth/session-token.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { ZIncidentId } from "../incident-record/schemas.ts";
import { insertPostedEvent, type InsertOutcome } from "./insert-posted-event.ts";
import { ZPostEvent } from "./schemas.ts";
import { postEvent } from "./post-event.ts";
import { type PostEventResult, stored, toPosted } from "./posted-entry.ts";

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
