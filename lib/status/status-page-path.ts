import { type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";

/** "/status/acme-shop": where the organisation's public status page lives. */
export async function statusPagePath(actor: Actor): Promise<string> {
  const org = await db().organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { slug: true } });
  return `/status/${encodeURIComponent(org.slug)}`;
}
