import type { Prisma } from "../db/generated/client.ts";
import type { ApiTokenRef } from "../audit/audit-principal.ts";
import { AppError, forbidden } from "../errors/app-error.ts";
import { can, type Permission, type RoleName } from "./permissions.ts";

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

export const ACTOR_SELECT = {
  id: true,
  organizationId: true,
  role: true,
  name: true,
  email: true,
  deactivatedAt: true,
  pendingInvite: true,
  sessionVersion: true,
} as const;

export type ActorRow = Prisma.UserGetPayload<{ select: typeof ACTOR_SELECT }>;

export function actorOf(user: ActorRow | null, claims: { version: number | null }): Actor {
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
