import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { issueLink, RESET_HOURS, type IssuedLink } from "./issue-link.ts";
import { sendMail, type MailOutcome } from "./mailer.ts";
import { statusOf } from "./person-dto.ts";
import { lockPerson } from "./lock-person.ts";

export interface ResetLinkResult {
  link: IssuedLink;
  email: MailOutcome;
}

/** ADMIN: a one-time password reset link for someone who has joined (never the password itself). */
export async function issuePasswordReset(actor: Actor, personId: string): Promise<ResetLinkResult> {
  assertCan(actor, "org:admin");
  const { person, link } = await db().$transaction(async (tx) => {
    const person = await lockPerson(tx, actor, personId);
    if (statusOf(person) !== "active")
      throw new AppError("conflict", `${person.name} is ${statusOf(person)}: a reset link is for people who have joined`);
    const link = await issueLink(tx, {
      organizationId: actor.organizationId,
      userId: person.id,
      purpose: "password_reset",
      createdById: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: "user.password_reset_issued",
      entityType: "User",
      entityId: person.id,
      after: { expiresAt: link.expiresAt },
    });
    return { person, link };
  });
  const email = await sendMail({
    to: person.email,
    subject: "Reset your Warroom password",
    text: [
      `${actor.name} sent you a link to set a new Warroom password (it works once, for ${RESET_HOURS} hours):`,
      link.url,
      "",
      "Setting it signs you out everywhere else.",
    ].join("\n"),
  });
  return { link, email };
}
