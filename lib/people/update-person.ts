import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Prisma } from "../db/generated/client.ts";
import { db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { disconnectUserSockets } from "../realtime/disconnect-user.ts";
import { personSelect, statusOf, toPersonDto, type PersonDto } from "./person-dto.ts";
import { ZUpdatePerson } from "./schemas.ts";
import { lockPerson } from "./lock-person.ts";

type Tx = Prisma.TransactionClient;

/**
 * The organisation's active admins, locked: two admins demoting each other at once queue here,
 * so the second sees the first's change and the last admin stays.
 */
async function lockActiveAdmins(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "User"
    WHERE "organizationId" = ${organizationId}::uuid AND "role" = 'ADMIN' AND "deactivatedAt" IS NULL AND NOT "pendingInvite"
    ORDER BY "id" FOR UPDATE`;
  return rows.map((r) => r.id);
}

const lastAdmin = (field: "role" | "active", name: string) =>
  new AppError("validation_failed", `${name} is the last active admin: make someone else an admin first`, {
    fields: [{ field, message: "the organisation must keep at least one active admin" }],
  });

/** ADMIN: change a person's role, deactivate or reactivate them. */
export async function updatePerson(actor: Actor, personId: string, input: unknown): Promise<PersonDto> {
  assertCan(actor, "org:admin");
  const data = ZUpdatePerson.parse(input);
  let endedSessions = false;
  const person = await db().$transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, actor.organizationId);
    const before = await lockPerson(tx, actor, personId);
    const isActiveAdmin = admins.includes(before.id);
    if (isActiveAdmin && admins.length <= 1) {
      if (data.role !== undefined && data.role !== "ADMIN") throw lastAdmin("role", before.name);
      if (data.active === false) throw lastAdmin("active", before.name);
    }
    if (data.active === false && before.id === actor.userId) {
      throw new AppError("validation_failed", "You cannot deactivate yourself; another admin can", {
        fields: [{ field: "active", message: "not your own account" }],
      });
    }
    if (data.role !== undefined && data.role !== before.role) {
      await tx.user.update({ where: { id: before.id }, data: { role: data.role } });
      await recordAudit(tx, actor, {
        action: "user.role_changed",
        entityType: "User",
        entityId: before.id,
        before: { role: before.role },
        after: { role: data.role },
      });
    }
    if (data.active === false && !before.deactivatedAt) {
      const now = new Date();
      // The version bump ends every session; links stop working; API tokens are refused while deactivated.
      await tx.user.update({ where: { id: before.id }, data: { deactivatedAt: now, sessionVersion: { increment: 1 } } });
      await tx.accessLink.updateMany({ where: { userId: before.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
      await recordAudit(tx, actor, {
        action: "user.deactivated",
        entityType: "User",
        entityId: before.id,
        before: { status: statusOf(before) },
        after: { status: "deactivated" },
      });
      endedSessions = true;
    }
    if (data.active === true && before.deactivatedAt) {
      await tx.user.update({ where: { id: before.id }, data: { deactivatedAt: null } });
      const after = statusOf({ pendingInvite: before.pendingInvite, deactivatedAt: null });
      await recordAudit(tx, actor, {
        action: "user.reactivated",
        entityType: "User",
        entityId: before.id,
        before: { status: "deactivated" },
        after: { status: after },
      });
    }
    return toPersonDto(await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: personSelect }));
  });
  if (endedSessions) await disconnectUserSockets(person.id);
  return person;
}
