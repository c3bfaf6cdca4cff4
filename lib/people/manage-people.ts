import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Prisma } from "../db/generated/client.ts";
import { db } from "../db/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { disconnectUserSockets } from "../realtime/disconnect-user.ts";
import { issueLink, RESET_HOURS, type IssuedLink } from "./access-links.ts";
import { mailInvitation, type InvitationResult } from "./invite-person.ts";
import { sendMail, type MailOutcome } from "./mailer.ts";
import { personSelect, statusOf, toPersonDto, type PersonDto } from "./person-dto.ts";
import { ZPersonId, ZUpdatePerson } from "./schemas.ts";

type Tx = Prisma.TransactionClient;

/** ADMIN: everyone in the organisation, deactivated people included, active first by name. */
export async function listPeople(actor: Actor): Promise<PersonDto[]> {
  assertCan(actor, "org:admin");
  const rows = await db().user.findMany({ where: { organizationId: actor.organizationId }, select: personSelect, orderBy: { name: "asc" } });
  const rank = { active: 0, invited: 1, deactivated: 2 } as const;
  return rows.map((r) => toPersonDto(r)).sort((a, b) => rank[a.status] - rank[b.status]);
}

/** The person, in the actor's organisation, locked for this transaction; 404 otherwise. */
async function lockPerson(tx: Tx, actor: Actor, personId: string) {
  if (!ZPersonId.safeParse(personId).success) throw notFound("Person");
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "User" WHERE "id" = ${personId}::uuid AND "organizationId" = ${actor.organizationId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw notFound("Person");
  return tx.user.findUniqueOrThrow({ where: { id: personId }, select: { id: true, name: true, email: true, role: true, pendingInvite: true, deactivatedAt: true } });
}

/**
 * The organisation's active admins, locked: two admins demoting each other at once queue here,
 * so the second sees the first's change and the last admin stays.
 */
async function lockActiveAdmins(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "User"
    WHERE "organizationId" = ${organizationId}::uuid AND "role" = 'ADMIN' AND "deactivatedAt" IS NULL AND NOT "pendingInvite"
    ORDER BY "id" FOR UPDATE`;
  return rows.map((r) => r.id);
}

const lastAdmin = (field: "role" | "active", name: string) =>
  new AppError("validation_failed", `${name} is the last active admin: make someone else an admin first`, {
    fields: [{ field, message: "the organisation must keep at least one active admin" }],
  });

/** ADMIN: change a person's role, deactivate or reactivate them. */
export async function updatePerson(actor: Actor, personId: string, input: unknown): Promise<PersonDto> {
  assertCan(actor, "org:admin");
  const data = ZUpdatePerson.parse(input);
  let endedSessions = false;
  const person = await db().$transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, actor.organizationId);
    const before = await lockPerson(tx, actor, personId);
    const isActiveAdmin = admins.includes(before.id);
    if (isActiveAdmin && admins.length <= 1) {
      if (data.role !== undefined && data.role !== "ADMIN") throw lastAdmin("role", before.name);
      if (data.active === false) throw lastAdmin("active", before.name);
    }
    if (data.active === false && before.id === actor.userId) {
      throw new AppError("validation_failed", "You cannot deactivate yourself; another admin can", { fields: [{ field: "active", message: "not your own account" }] });
    }
    if (data.role !== undefined && data.role !== before.role) {
      await tx.user.update({ where: { id: before.id }, data: { role: data.role } });
      await recordAudit(tx, actor, { action: "user.role_changed", entityType: "User", entityId: before.id, before: { role: before.role }, after: { role: data.role } });
    }
    if (data.active === false && !before.deactivatedAt) {
      const now = new Date();
      // The version bump ends every session; links stop working; API tokens are refused while deactivated.
      await tx.user.update({ where: { id: before.id }, data: { deactivatedAt: now, sessionVersion: { increment: 1 } } });
      await tx.accessLink.updateMany({ where: { userId: before.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
      await recordAudit(tx, actor, { action: "user.deactivated", entityType: "User", entityId: before.id, before: { status: statusOf(before) }, after: { status: "deactivated" } });
      endedSessions = true;
    }
    if (data.active === true && before.deactivatedAt) {
      await tx.user.update({ where: { id: before.id }, data: { deactivatedAt: null } });
      const after = statusOf({ pendingInvite: before.pendingInvite, deactivatedAt: null });
      await recordAudit(tx, actor, { action: "user.reactivated", entityType: "User", entityId: before.id, before: { status: "deactivated" }, after: { status: after } });
    }
    return toPersonDto(await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: personSelect }));
  });
  if (endedSessions) await disconnectUserSockets(person.id);
  return person;
}

/** ADMIN: a fresh invitation link for someone who has not joined yet (earlier links stop working). */
export async function reissueInvitation(actor: Actor, personId: string): Promise<InvitationResult> {
  assertCan(actor, "org:admin");
  const result = await db().$transaction(async (tx) => {
    const person = await lockPerson(tx, actor, personId);
    if (!person.pendingInvite || person.deactivatedAt) throw new AppError("conflict", `${person.name} is not waiting for an invitation (${statusOf(person)})`);
    const link = await issueLink(tx, { organizationId: actor.organizationId, userId: person.id, purpose: "invitation", createdById: actor.userId });
    await recordAudit(tx, actor, { action: "user.invited", entityType: "User", entityId: person.id, after: { email: person.email, role: person.role, expiresAt: link.expiresAt, reissued: true } });
    return { person: toPersonDto(await tx.user.findUniqueOrThrow({ where: { id: person.id }, select: personSelect })), link };
  });
  return { ...result, email: await mailInvitation(result.person.email, actor, result.link) };
}

/** ADMIN: the person's open invitation stops working; they stay listed as invited until deactivated. */
export async function revokeInvitation(actor: Actor, personId: string): Promise<PersonDto> {
  assertCan(actor, "org:admin");
  return db().$transaction(async (tx) => {
    const person = await lockPerson(tx, actor, personId);
    const revoked = await tx.accessLink.updateMany({ where: { userId: person.id, purpose: "invitation", usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count > 0) await recordAudit(tx, actor, { action: "user.invitation_revoked", entityType: "User", entityId: person.id, after: { email: person.email } });
    return toPersonDto(await tx.user.findUniqueOrThrow({ where: { id: person.id }, select: personSelect }));
  });
}

export interface ResetLinkResult {
  link: IssuedLink;
  email: MailOutcome;
}

/** ADMIN: a one-time password reset link for someone who has joined (never the password itself). */
export async function issuePasswordReset(actor: Actor, personId: string): Promise<ResetLinkResult> {
  assertCan(actor, "org:admin");
  const { person, link } = await db().$transaction(async (tx) => {
    const person = await lockPerson(tx, actor, personId);
    if (statusOf(person) !== "active") throw new AppError("conflict", `${person.name} is ${statusOf(person)}: a reset link is for people who have joined`);
    const link = await issueLink(tx, { organizationId: actor.organizationId, userId: person.id, purpose: "password_reset", createdById: actor.userId });
    await recordAudit(tx, actor, { action: "user.password_reset_issued", entityType: "User", entityId: person.id, after: { expiresAt: link.expiresAt } });
    return { person, link };
  });
  const email = await sendMail({
    to: person.email,
    subject: "Reset your Warroom password",
    text: [`${actor.name} sent you a link to set a new Warroom password (it works once, for ${RESET_HOURS} hours):`, link.url, "", "Setting it signs you out everywhere else."].join("\n"),
  });
  return { link, email };
}
