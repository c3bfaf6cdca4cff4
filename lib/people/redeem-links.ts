import { hashPassword } from "../auth/password.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { type AppError } from "../errors/app-error.ts";
import { disconnectUserSockets } from "../realtime/disconnect-user.ts";
import { claimLink } from "./claim-link.ts";
import { findLink } from "./find-link.ts";
import { type AccessLinkPurpose } from "./access-link.ts";
import { linkRefusal } from "./link-refusal.ts";
import { ZAcceptInvitation, ZCompleteReset } from "./schemas.ts";

// The public end of one-time links: whoever holds the link acts as the person it was made for,
// once. The claim is one conditional UPDATE, so two tabs submitting at once set one password.

async function refusal(token: string, purpose: AccessLinkPurpose): Promise<AppError> {
  const found = await findLink(token, purpose);
  const state = found?.state ?? "unknown";
  // Claimed by nobody yet says "valid" only if it expired between the claim and this read.
  return linkRefusal(purpose, state === "valid" ? "expired" : state);
}

/** The invitee sets their name and password and has joined; the caller then signs them in. */
export async function acceptInvitation(input: unknown): Promise<{ email: string }> {
  const data = ZAcceptInvitation.parse(input);
  const passwordHash = await hashPassword(data.password);
  const joined = await db().$transaction(async (tx) => {
    const link = await claimLink(tx, data.token, "invitation");
    if (!link) return null;
    await tx.user.update({ where: { id: link.userId }, data: { name: data.name, passwordHash, pendingInvite: false, failedLogins: 0, lockedUntil: null } });
    await recordAudit(tx, { organizationId: link.organizationId, actorId: link.userId, via: "invitation" }, {
      action: "user.joined",
      entityType: "User",
      entityId: link.userId,
      after: { email: link.email, name: data.name, via: "invitation" },
    });
    return { email: link.email };
  });
  if (!joined) throw await refusal(data.token, "invitation");
  return joined;
}

/** A new password through an admin's reset link; every session of the person ends. */
export async function completePasswordReset(input: unknown): Promise<{ email: string }> {
  const data = ZCompleteReset.parse(input);
  const passwordHash = await hashPassword(data.password);
  const reset = await db().$transaction(async (tx) => {
    const link = await claimLink(tx, data.token, "password_reset");
    if (!link) return null;
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash, sessionVersion: { increment: 1 }, failedLogins: 0, lockedUntil: null } });
    await recordAudit(tx, { organizationId: link.organizationId, actorId: link.userId, via: "reset_link" }, {
      action: "user.password_changed",
      entityType: "User",
      entityId: link.userId,
      after: { via: "reset_link" },
    });
    return { email: link.email, userId: link.userId };
  });
  if (!reset) throw await refusal(data.token, "password_reset");
  await disconnectUserSockets(reset.userId);
  return { email: reset.email };
}
