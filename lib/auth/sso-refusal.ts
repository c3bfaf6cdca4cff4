import { db } from "../db/client.ts";
import { ACCOUNT_DEACTIVATED, NO_ORGANISATION, SSO_DOMAIN_REFUSED, SSO_NO_NEW_USERS } from "./sso-codes.ts";
import { allowedSsoDomains, isAllowedSsoEmail } from "./sso-domains.ts";

/** null when this email may sign in through SSO, else the refusal code for the login page. */
export async function ssoRefusal(email: string): Promise<string | null> {
  const existing = await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { deactivatedAt: true } });
  if (existing) return existing.deactivatedAt ? ACCOUNT_DEACTIVATED : null;
  const domains = allowedSsoDomains();
  if (domains.length === 0) return SSO_NO_NEW_USERS;
  if (!isAllowedSsoEmail(email, domains)) return SSO_DOMAIN_REFUSED;
  const org = await db().organization.findFirst({ select: { id: true } });
  return org ? null : NO_ORGANISATION;
}
