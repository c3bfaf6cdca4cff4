import { db } from "../db/client.ts";
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from "./login-policy.ts";

// Account lock-out: guessing passwords one account at a time is stopped per account, whatever
// address the guesses come from (the per-address limit lives in the sign-in route).

export function isLocked(user: { lockedUntil: Date | null }, now = new Date()): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now;
}

/** A wrong password: count it, and lock the account when the count reaches the limit. */
export async function recordFailedLogin(user: { id: string; organizationId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } });
    if (updated.failedLogins < MAX_FAILED_LOGINS) return;
    const lockedUntil = new Date(Date.now() + LOCK_MINUTES * 60_000);
    await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil } });
    // No actor: the system locked it. The audit log shows admins when and until when.
    await tx.auditLog.create({
      data: {
        organizationId: user.organizationId,
        actorId: null,
        action: "user.locked",
        entityType: "User",
        entityId: user.id,
        after: { lockedUntil: lockedUntil.toISOString(), failedLogins: MAX_FAILED_LOGINS },
      },
    });
  });
}

export async function recordSuccessfulLogin(user: { id: string; failedLogins: number; lockedUntil: Date | null }): Promise<void> {
  if (user.failedLogins === 0 && user.lockedUntil === null) return;
  await db().user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
}
