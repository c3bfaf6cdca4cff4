import type { Prisma } from "../db/generated/client.ts";
import type { Actor } from "../auth/actor.ts";

type Tx = Prisma.TransactionClient;

/** Appends to the audit log inside the caller's transaction, so it commits with the change. */
export async function recordAudit(
  tx: Tx,
  actor: Actor,
  entry: { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before === undefined ? undefined : (entry.before as Prisma.InputJsonValue),
      after: entry.after === undefined ? undefined : (entry.after as Prisma.InputJsonValue),
    },
  });
}
