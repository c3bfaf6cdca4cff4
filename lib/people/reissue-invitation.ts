import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { issueLink } from "./issue-link.ts";
import { mailInvitation } from "./mail-invitation.ts";
import { type InvitationResult } from "./invite-person.ts";
import { personSelect, statusOf, toPersonDto } from "./person-dto.ts";
import { lockPerson } from "./lock-person.ts";

/** ADMIN: a fresh invitation link for someone who has not joined yet (earlier links stop working). */
export async function reissueInvitation(actor: Actor, personId: string): Promise<InvitationResult> {
  assertCan(actor, "org:admin");
  const result = await db().$transaction(async (tx) => {
    const person = await lockPerson(tx, actor, personId);
    if (!person.pendingInvite || person.deactivatedAt)
      throw new AppError("conflict", `${person.name} is not waiting for an invitation (${statusOf(person)})`);
    const link = await issueLink(tx, {
      organizationId: actor.organizationId,
      userId: person.id,
      purpose: "invitation",
      createdById: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: "user.invited",
      entityType: "User",
      entityId: person.id,
      after: { email: person.email, role: person.role, expiresAt: link.expiresAt, reissued: true },
    });
    return { person: toPersonDto(await tx.user.findUniqueOrThrow({ where: { id: person.id }, select: personSelect })), link };
  });
  return { ...result, email: await mailInvitation(result.person.email, actor, result.link) };
}
