import type { Actor } from "../auth/actor.ts";
import { can } from "../auth/permissions.ts";
import { db } from "../db/client.ts";

/** Admins of the seeded demo organisation are reminded that its passwords are public. */
export async function showsDemoWarning(actor: Actor): Promise<boolean> {
  if (!can(actor.role, "org:admin")) return false;
  const org = await db().organization.findUnique({ where: { id: actor.organizationId }, select: { isDemo: true } });
  return org?.isDemo === true;
}
