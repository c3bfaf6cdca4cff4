import "server-only";
import type { Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";

/** The organisation's IANA zone (impact settings), offered to viewers as an alternative to theirs. */
export async function getOrganizationTimeZone(actor: Actor): Promise<string> {
  const org = await db().organization.findUnique({ where: { id: actor.organizationId }, select: { timeZone: true } });
  return org?.timeZone ?? "UTC";
}
