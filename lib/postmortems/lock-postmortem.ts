import "server-only";
import { type Actor } from "../auth/actor.ts";
import type { Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import { ZPostmortemId } from "./schemas.ts";

type Tx = Prisma.TransactionClient;

/** Locks the row (scoped to the organisation) so state changes of one post-mortem queue. */
export async function lockPostmortem(tx: Tx, actor: Actor, id: string) {
  if (!ZPostmortemId.safeParse(id).success) throw notFound("Post-mortem");
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Postmortem" WHERE id = ${id}::uuid AND "organizationId" = ${actor.organizationId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("Post-mortem");
  return tx.postmortem.findUniqueOrThrow({
    where: { id },
    select: { id: true, status: true, title: true, publishedRevision: true, incident: { select: { id: true, commanderId: true } } },
  });
}
