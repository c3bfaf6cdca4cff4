import { db } from "../db/client.ts";
import { createBatcher } from "../db/coalesce.ts";
import { AppError } from "../errors/app-error.ts";
import type { SessionClaims } from "./session-token.ts";
import { type Actor, ACTOR_SELECT, actorOf, type ActorRow } from "./actor.ts";

// When a SEV1 is declared hundreds of people open sockets within seconds; their handshakes read
// their user rows together (one query per turn of the event loop), with the same checks.
const users = createBatcher<string, ActorRow>(async (ids) => {
  const rows = await db().user.findMany({ where: { id: { in: ids } }, select: ACTOR_SELECT });
  return new Map(rows.map((row) => [row.id, row]));
});

/** `resolveActor` for session claims, batched with the other handshakes of the same moment. */
export async function resolveActorBatched(claims: SessionClaims): Promise<Actor> {
  if (!claims.userId) throw new AppError("unauthorized", "Sign in to continue");
  return actorOf((await users.load(claims.userId)) ?? null, claims);
}
