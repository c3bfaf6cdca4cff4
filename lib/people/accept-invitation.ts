// The public end of one-time links: whoever holds the link acts as the person it was made for,
// once. The claim is one conditional UPDATE, so two tabs submitting at once set one password.
import { hashPassword } from "../auth/password.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { claimLink } from "./claim-link.ts";
import { ZAcceptInvitation } from "./schemas.ts";
import { readLinkRefusal } from "./read-link-refusal.ts";

/** The invitee sets their name and password and has joined; the caller then signs them in. */
export async function acceptInvitation(input: unknown): Promise<{ email: string }> {
  const data = ZAcceptInvitation.parse(input);
  const passwordHash = await hashPassword(data.password);
  const joined = await db().$transaction(async (tx) => {
    const link = await claimLink(tx, data.token, "invitation");
    if (!link) return null;
    await tx.user.update({
      where: { id: link.userId },
      data: { name: data.name, passwordHash, pendingInvite: false, failedLogins: 0, lockedUntil: null },
    });
    await recordAudit(
      tx,
      { organizationId: link.organizationId, actorId: link.userId, via: "invitation" },
      {
        action: "user.joined",
        entityType: "User",
        entityId: link.userId,
        after: { email: link.email, name: data.name, via: "invitation" },
      },
    );
    return { email: link.email };
  });
  if (!joined) throw await readLinkRefusal(data.token, "invitation");
  return joined;
}
