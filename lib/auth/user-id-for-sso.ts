import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import type { RoleName } from "./permissions.ts";

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
  await recordAudit(
    db(),
    { organizationId: org.id, actorId: created.id, via: "sso" },
    { action: "user.joined", entityType: "User", entityId: created.id, after: { email, role, via: "sso" } },
  );
  return created.id;
}
