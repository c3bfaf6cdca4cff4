import { db } from "../db/client.ts";
import { createBatcher } from "../db/coalesce.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { ApiTokenRef } from "../audit/audit-principal.ts";
import { AppError, forbidden } from "../errors/app-error.ts";
import { can, type Permission, type RoleName } from "./permissions.ts";
import type { SessionClaims } from "./session-token.ts";

/** The signed-in user a domain function acts for, always re-read from the database. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: RoleName;
  name: string;
  email: string;
  /** The API token this request came with (its audit rows name it); absent for a browser session. */
  apiToken?: ApiTokenRef;
}

const ACTOR_SELECT = { id: true, organizationId: true, role: true, name: true, email: true, deactivatedAt: true, pendingInvite: true, sessionVersion: true } as const;

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

type ActorRow = Prisma.UserGetPayload<{ select: typeof ACTOR_SELECT }>;

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

function actorOf(user: ActorRow | null, claims: { version: number | null }): Actor {
  if (!user || user.pendingInvite) throw sessionEnded();
  if (user.deactivatedAt) throw accountDeactivated();
  if (claims.version !== null && claims.version !== user.sessionVersion) throw signedOut();
  return { userId: user.id, organizationId: user.organizationId, role: user.role, name: user.name, email: user.email };
}

/** A session whose user is gone (deleted): 401, so the browser signs in again. */
export const sessionEnded = () => new AppError("unauthorized", "Your session is no longer valid; sign in again");
/** A session ended on the server (signed out, password changed): 401. */
export const signedOut = () => new AppError("unauthorized", "You were signed out; sign in again");
export const accountDeactivated = () => new AppError("unauthorized", "This account was deactivated; ask an admin of your organisation");

export const notPermitted = (role: RoleName, permission: Permission) => forbidden(`A ${role.toLowerCase()} cannot do this (${permission})`);

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw notPermitted(actor.role, permission);
}
