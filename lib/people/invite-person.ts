import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { AppError } from "../errors/app-error.ts";
import { issueLink, INVITATION_DAYS, type IssuedLink } from "./issue-link.ts";
import { sendMail, type MailOutcome } from "./mailer.ts";
import { personSelect, toPersonDto, type PersonDto } from "./person-dto.ts";
import { ZInvite } from "./schemas.ts";

export interface InvitationResult {
  person: PersonDto;
  /** The one-time link: shown to the admin to copy, and emailed when SMTP_URL is set. */
  link: IssuedLink;
  email: MailOutcome;
}

export const emailTaken = (email: string, inThisOrganisation: boolean) =>
  new AppError("conflict", inThisOrganisation ? `${email} is already a member or invited` : `${email} already has a Warroom account`, {
    fields: [{ field: "email", message: `${email} is already in use` }],
  });


/** Mails the link after commit; an SMTP failure leaves the link for the admin to copy. */
export function mailInvitation(to: string, inviter: Actor, link: IssuedLink): Promise<MailOutcome> {
  return sendMail({
    to,
    subject: `${inviter.name} invited you to Warroom`,
    text: [
      `${inviter.name} invited you to your organisation's incident rooms on Warroom.`,
      "",
      `Open this link to set your name and password (it works once, for ${INVITATION_DAYS} days):`,
      link.url,
      "",
      "If you did not expect this, ignore this email.",
    ].join("\n"),
  });
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
      const link = await issueLink(tx, { organizationId: actor.organizationId, userId: user.id, purpose: "invitation", createdById: actor.userId });
      await recordAudit(tx, actor, { action: "user.invited", entityType: "User", entityId: user.id, after: { email: data.email, role: data.role, expiresAt: link.expiresAt } });
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
