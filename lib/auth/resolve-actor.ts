import { db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import type { SessionClaims } from "./session-token.ts";
import { type Actor, ACTOR_SELECT, actorOf } from "./actor.ts";

/**
 * Fails closed: a token for a user who no longer exists, was deactivated or has not joined yet is
 * not a session. With session claims, a session ended since (sign-out, password change) is not
 * one either: the version is compared on the row read here anyway, so this costs no query.
 */
export async function resolveActor(who: string | SessionClaims | undefined | null): Promise<Actor> {
  const claims = typeof who === "string" ? { userId: who, version: null } : who;
  if (!claims?.userId) throw new AppError("unauthorized", "Sign in to continue");
  return actorOf(await db().user.findUnique({ where: { id: claims.userId }, select: ACTOR_SELECT }), claims);
}
