import nodemailer, { type Transporter } from "nodemailer";
import { errorFields, log } from "../log.ts";

// Invitation and reset emails go out through SMTP_URL when it is set. Sending happens after the
// link is stored and never decides the answer: the admin gets the link to copy either way and
// is told whether the email went.

let transporter: { url: string; transport: Transporter } | undefined;

function transport(url: string): Transporter {
  if (transporter?.url !== url) transporter = { url, transport: nodemailer.createTransport(url) };
  return transporter.transport;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export type MailOutcome = "sent" | "not_configured" | "failed";

export async function sendMail(mail: Mail): Promise<MailOutcome> {
  const url = process.env.SMTP_URL;
  if (!url) return "not_configured";
  const from = process.env.SMTP_FROM ?? "Warroom <warroom@localhost>";
  try {
    await transport(url).sendMail({ from, ...mail });
    return "sent";
  } catch (error) {
    // The address is the admin's to check; the link itself is never logged.
    log.warn("email not sent", { subject: mail.subject, ...errorFields(error) });
    return "failed";
  }
}
