import type { Prisma } from "../db/generated/client.ts";
import type { AuditAction } from "./audit-catalogue.ts";
import { toPrincipal, withPrincipalMark, type ActingUser, type AuditPrincipal } from "./audit-principal.ts";

type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  /** Only catalogued actions (audit-catalogue.ts), so every row can be read with its schema. */
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The one way an audit row is written (the posting statement in insert-posted-event.ts writes the
 * same row in SQL; a test holds them equal). Inside the caller's transaction, so it commits with
 * the change; `tx` may be the client itself where the change is a single write.
 */
export async function recordAudit(tx: Tx, who: ActingUser | AuditPrincipal, entry: AuditEntry): Promise<void> {
  const principal = toPrincipal(who);
  const after = withPrincipalMark(principal, entry.after);
  await tx.auditLog.create({
    data: {
      organizationId: principal.organizationId,
      actorId: principal.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before === undefined ? undefined : (entry.before as Prisma.InputJsonValue),
      after: after === undefined ? undefined : (after as Prisma.InputJsonValue),
    },
    select: { id: true },
  });
}
