import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { issueLink, type IssuedLink } from "./issue-link.ts";
import { type MailOutcome } from "./mailer.ts";
import { personSelect, toPersonDto, type PersonDto } from "./person-dto.ts";
import { ZInvite } from "./schemas.ts";
import { emailTaken } from "./email-taken.ts";
import { mailInvitation } from "./mail-invitation.ts";

export interface InvitationResult {
  person: PersonDto;
  /** The one-time link: shown to the admin to copy, and emailed when SMTP_URL is set. */
  link: IssuedLink;
  email: MailOutcome;
}

/** ADMIN: adds a person as invited (they can be named on teams at once) with a one-time link. */
export async function invitePerson(actor: Actor, input: unknown): Promise<InvitationResult> {
  assertCan(actor, "org:admin");
  const data = ZInvite.parse(input);
  const taken = await db().user.findUnique({ where: { email: data.email }, select: { organizationId: true } });
  if (taken) throw emailTaken(data.email, taken.organizationId === actor.organizationId);
  const name = data.name ?? data.email.split("@")[0] ?? data.email;
  let created: { person: PersonDto; link: IssuedLink };
  try {
    created = await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { organizationId: actor.organizationId, email: data.email, name, role: data.role, pendingInvite: true },
        select: { id: true },
      });
      const link = await issueLink(tx, {
        organizationId: actor.organizationId,
        userId: user.id,
        purpose: "invitation",
        createdById: actor.userId,
      });
      await recordAudit(tx, actor, {
        action: "user.invited",
        entityType: "User",
        entityId: user.id,
        after: { email: data.email, role: data.role, expiresAt: link.expiresAt },
      });
      const row = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: personSelect });
      return { person: toPersonDto(row), link };
    });
  } catch (error) {
    // Two admins inviting the same address at once: the second is told, as if it came later.
    if (isUniqueViolation(error)) throw emailTaken(data.email, true);
    throw error;
  }
  return { ...created, email: await mailInvitation(data.email, actor, created.link) };
}
