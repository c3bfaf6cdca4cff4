// The public end of one-time links: whoever holds the link acts as the person it was made for,
// once. The claim is one conditional UPDATE, so two tabs submitting at once set one password.
import { hashPassword } from "../auth/password.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { disconnectUserSockets } from "../realtime/disconnect-user.ts";
import { claimLink } from "./claim-link.ts";
import { ZCompleteReset } from "./schemas.ts";
import { readLinkRefusal } from "./read-link-refusal.ts";

/** A new password through an admin's reset link; every session of the person ends. */
export async function completePasswordReset(input: unknown): Promise<{ email: string }> {
  const data = ZCompleteReset.parse(input);
  const passwordHash = await hashPassword(data.password);
  const reset = await db().$transaction(async (tx) => {
    const link = await claimLink(tx, data.token, "password_reset");
    if (!link) return null;
    await tx.user.update({
      where: { id: link.userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, failedLogins: 0, lockedUntil: null },
    });
    await recordAudit(
      tx,
      { organizationId: link.organizationId, actorId: link.userId, via: "reset_link" },
      {
        action: "user.password_changed",
        entityType: "User",
        entityId: link.userId,
        after: { via: "reset_link" },
      },
    );
    return { email: link.email, userId: link.userId };
  });
  if (!reset) throw await readLinkRefusal(data.token, "password_reset");
  await disconnectUserSockets(reset.userId);
  return { email: reset.email };
}
