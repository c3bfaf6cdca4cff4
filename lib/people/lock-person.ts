import { type Actor } from "../auth/actor.ts";
import type { Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import { ZPersonId } from "./schemas.ts";

type Tx = Prisma.TransactionClient;

/** The person, in the actor's organisation, locked for this transaction; 404 otherwise. */
export async function lockPerson(tx: Tx, actor: Actor, personId: string) {
  if (!ZPersonId.safeParse(personId).success) throw notFound("Person");
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "User" WHERE "id" = ${personId}::uuid AND "organizationId" = ${actor.organizationId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw notFound("Person");
  return tx.user.findUniqueOrThrow({
    where: { id: personId },
    select: { id: true, name: true, email: true, role: true, pendingInvite: true, deactivatedAt: true },
  });
}
