import { type Actor } from "../auth/actor.ts";
import { INVITATION_DAYS, type IssuedLink } from "./issue-link.ts";
import { sendMail, type MailOutcome } from "./mailer.ts";

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
