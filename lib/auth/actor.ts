import { db } from "../db/client.ts";
import { AppError, forbidden } from "../errors/app-error.ts";
import { can, type Permission, type RoleName } from "./permissions.ts";

/** The signed-in user a domain function acts for, always re-read from the database. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: RoleName;
  name: string;
  email: string;
}

/** Fails closed: a token for a user who no longer exists is not a session. */
export async function resolveActor(userId: string | undefined | null): Promise<Actor> {
  if (!userId) throw new AppError("unauthorized", "Sign in to continue");
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, organizationId: true, role: true, name: true, email: true },
  });
  if (!user) throw sessionEnded();
  return { userId: user.id, organizationId: user.organizationId, role: user.role, name: user.name, email: user.email };
}

/** A session whose user is gone (deleted): 401, so the browser signs in again. */
export const sessionEnded = () => new AppError("unauthorized", "Your session is no longer valid; sign in again");

export const notPermitted = (role: RoleName, permission: Permission) => forbidden(`A ${role.toLowerCase()} cannot do this (${permission})`);

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw notPermitted(actor.role, permission);
}
