import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { ACCOUNT_DEACTIVATED, NO_ORGANISATION, SSO_DOMAIN_REFUSED, SSO_NO_NEW_USERS } from "./sso-codes.ts";
import type { RoleName } from "./permissions.ts";

// Who may come in through single sign-on. An existing (active) user may always sign in; a new
// person is created only when their email's domain is listed in OIDC_ALLOWED_DOMAINS, so an SSO
// provider shared with other companies (Google, Microsoft) does not let strangers in.


/** OIDC_ALLOWED_DOMAINS as a list of lower-case domains; empty when unset. */
export function allowedSsoDomains(source: Record<string, string | undefined> = process.env): string[] {
  return (source.OIDC_ALLOWED_DOMAINS ?? "")
    .split(",")
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
}

export function isAllowedSsoEmail(email: string, domains: readonly string[]): boolean {
  const domain = email.toLowerCase().split("@").pop() ?? "";
  return domains.includes(domain);
}

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

/**
 * The user id for an SSO sign-in (checked by ssoRefusal first). An invited person who signs in
 * through SSO with the invited email has joined: the invitation named exactly that address.
 */
export async function userIdForSso(email: string, name: string): Promise<string> {
  const existing = await db().user.findUnique({ where: { email }, select: { id: true, pendingInvite: true } });
  if (existing) {
    if (existing.pendingInvite) await db().user.update({ where: { id: existing.id }, data: { pendingInvite: false } });
    return existing.id;
  }
  const org = await db().organization.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!org) throw new Error("No organisation exists yet to add single sign-on users to");
  const role = (process.env.OIDC_DEFAULT_ROLE ?? "VIEWER") as RoleName;
  const created = await db().user.create({ data: { email, name, role, organizationId: org.id } });
  await recordAudit(db(), { organizationId: org.id, actorId: created.id, via: "sso" }, { action: "user.joined", entityType: "User", entityId: created.id, after: { email, role, via: "sso" } });
  return created.id;
}
