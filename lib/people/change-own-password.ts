import type { Actor } from "../auth/actor.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { disconnectUserSockets } from "../realtime/disconnect-user.ts";
import { ZChangePassword } from "./schemas.ts";

const wrongCurrent = () =>
  new AppError("validation_failed", "Your current password is not right", {
    fields: [{ field: "currentPassword", message: "currentPassword is not your current password" }],
  });

/**
 * Anyone signed in changes their own password, proving the current one. Every session of theirs
 * ends (the version bump), this one too: the page signs in again with the new password.
 * The password is never logged, audited or returned.
 */
export async function changeOwnPassword(actor: Actor, input: unknown): Promise<{ ok: true }> {
  const data = ZChangePassword.parse(input);
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!user.passwordHash) {
    throw new AppError("validation_failed", "You sign in through single sign-on; your password is managed there", {
      fields: [{ field: "currentPassword", message: "no Warroom password to change" }],
    });
  }
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) throw wrongCurrent();
  if (data.newPassword === data.currentPassword) {
    throw new AppError("validation_failed", "The new password is the same as the current one", {
      fields: [{ field: "newPassword", message: "newPassword must differ from the current one" }],
    });
  }
  const passwordHash = await hashPassword(data.newPassword);
  await db().$transaction(async (tx) => {
    // Conditional on the hash just checked: two changes racing cannot both win.
    const changed = await tx.user.updateMany({
      where: { id: actor.userId, passwordHash: user.passwordHash },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (changed.count !== 1) throw wrongCurrent();
    await recordAudit(tx, actor, { action: "user.password_changed", entityType: "User", entityId: actor.userId, after: { via: "own" } });
  });
  await disconnectUserSockets(actor.userId);
  return { ok: true };
}
