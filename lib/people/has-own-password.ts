import type { Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";

/** Whether the person has a Warroom password to change (single sign-on users have none). */
export async function hasOwnPassword(actor: Actor): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}
