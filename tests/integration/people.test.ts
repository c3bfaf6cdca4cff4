// People and access through the domain functions: invitations (emailed over real SMTP), one-time
// links, roles, the last admin, deactivation, and passwords.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { createApiToken, authenticateBearer } from "../../lib/people/api-tokens.ts";
import { authorizeCredentials } from "../../lib/server/auth-options.ts";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { getTeam } from "../../lib/catalog/get-team.ts";
import { db } from "../../lib/db/client.ts";
import { changeOwnPassword } from "../../lib/people/change-own-password.ts";
import { invitePerson } from "../../lib/people/invite-person.ts";
import { issuePasswordReset } from "../../lib/people/issue-password-reset.ts";
import { listPeople } from "../../lib/people/list-people.ts";
import { reissueInvitation } from "../../lib/people/reissue-invitation.ts";
import { revokeInvitation } from "../../lib/people/revoke-invitation.ts";
import { updatePerson } from "../../lib/people/update-person.ts";
import { acceptInvitation } from "../../lib/people/accept-invitation.ts";
import { completePasswordReset } from "../../lib/people/complete-password-reset.ts";
import { listMembers } from "../../lib/users/list-members.ts";
import { appErrorOf, expectAppError } from "../helpers/app-error.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { startSmtpReceiver } from "../helpers/smtp-receiver.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
const PASSWORD = "correct horse battery staple";
const tokenOf = (url: string) => url.split("/").pop() ?? "";
let n = 0;
const email = () => `person-${++n}@shop.example`;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("People Retail");
  smtp = await startSmtpReceiver();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
  await testDb.close();
});

/** An invited person who has accepted, with their password set. */
async function joined(role: "ADMIN" | "RESPONDER" = "RESPONDER") {
  const invited = await invitePerson(org.admin, { email: email(), role });
  await acceptInvitation({ token: tokenOf(invited.link.url), name: "Joined Person", password: PASSWORD });
  return resolveActor(invited.person.id);
}

describe("inviting", () => {
  it("emails a one-time link through SMTP_URL; the invitee can be named on teams before joining", async () => {
    process.env.SMTP_URL = smtp.url;
    const to = email();
    const result = await invitePerson(org.admin, { email: to.toUpperCase(), role: "RESPONDER" });
    delete process.env.SMTP_URL;
    expect(result.email).toBe("sent");
    expect(result.person).toMatchObject({ email: to, role: "RESPONDER", status: "invited", invitation: { state: "valid" } });
    expect(Date.parse(result.link.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const mail = smtp.mails.find((m) => m.to.includes(to));
    expect(mail?.raw).toContain(result.link.url.slice(0, 60));
    expect(await listMembers(org.viewer)).toContainEqual(expect.objectContaining({ email: to, status: "invited" }));
    // No password yet: no sign-in, no session.
    expect(await authorizeCredentials({ email: to, password: PASSWORD })).toBeNull();
    await expectAppError(resolveActor(result.person.id), "unauthorized");
    expect(await db().auditLog.count({ where: { action: "user.invited", entityId: result.person.id } })).toBe(1);
  });

  it("says when the email could not go, and keeps the link", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    const result = await invitePerson(org.admin, { email: email(), role: "VIEWER" });
    delete process.env.SMTP_URL;
    expect(result.email).toBe("failed");
    expect(result.link.url).toMatch(/\/invite\/[\w-]{43}$/);
  });

  it("refuses a duplicate email with 409 naming it, a bad role naming the field, and non-admins", async () => {
    const to = email();
    await invitePerson(org.admin, { email: to, role: "VIEWER" });
    const dup = await appErrorOf(invitePerson(org.admin, { email: to, role: "VIEWER" }));
    expect(dup).toMatchObject({ code: "conflict" });
    expect(dup.message).toContain(to);
    await expectAppError(invitePerson(org.admin, { email: email(), role: "OWNER" }), "validation_failed", "role");
    await expectAppError(invitePerson(org.commander, { email: email(), role: "VIEWER" }), "forbidden");
  });
});

describe("teams", () => {
  it("name invited people as members and show them as not joined until they accept", async () => {
    const invited = await invitePerson(org.admin, { email: email(), role: "RESPONDER" });
    const team = await createTeam(org.admin, {
      name: "Fulfilment",
      memberIds: [invited.person.id, org.responder.userId],
      onCall: [invited.person.email],
    });
    expect((await getTeam(org.viewer, team.id)).members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: invited.person.id, status: "invited" }),
        expect.objectContaining({ id: org.responder.userId, status: "active" }),
      ]),
    );
    await acceptInvitation({ token: tokenOf(invited.link.url), name: "Fay Fulfilment", password: PASSWORD });
    expect((await getTeam(org.viewer, team.id)).members).toContainEqual(
      expect.objectContaining({ id: invited.person.id, name: "Fay Fulfilment", status: "active" }),
    );
  });
});

describe("invitation links", () => {
  it("work once: the invitee sets name and password and can sign in; a second use says it was used", async () => {
    const to = email();
    const { link, person } = await invitePerson(org.admin, { email: to, role: "RESPONDER" });
    const weak = await appErrorOf(acceptInvitation({ token: tokenOf(link.url), name: "Ana", password: "short" }));
    expect(weak.message).toMatch(/at least 12 characters/);
    await expect(acceptInvitation({ token: tokenOf(link.url), name: "Ana Lima", password: PASSWORD })).resolves.toEqual({ email: to });
    expect(await authorizeCredentials({ email: to, password: PASSWORD })).toMatchObject({ id: person.id });
    const used = await appErrorOf(acceptInvitation({ token: tokenOf(link.url), name: "Mallory", password: PASSWORD }));
    expect(used).toMatchObject({ code: "conflict", details: { state: "used" } });
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe("Ana Lima");
  });

  it("two tabs accepting at once: one wins, the other is told it was used", async () => {
    const { link } = await invitePerson(org.admin, { email: email(), role: "VIEWER" });
    const results = await Promise.allSettled(
      ["A", "B"].map((who) => acceptInvitation({ token: tokenOf(link.url), name: who, password: PASSWORD })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("revoked, reissued and expired links say which, and change nothing", async () => {
    const first = await invitePerson(org.admin, { email: email(), role: "VIEWER" });
    const second = await reissueInvitation(org.admin, first.person.id);
    expect(await appErrorOf(acceptInvitation({ token: tokenOf(first.link.url), name: "X", password: PASSWORD }))).toMatchObject({
      details: { state: "revoked" },
    });
    expect(await revokeInvitation(org.admin, first.person.id)).toMatchObject({ status: "invited", invitation: { state: "revoked" } });
    expect(await appErrorOf(acceptInvitation({ token: tokenOf(second.link.url), name: "X", password: PASSWORD }))).toMatchObject({
      details: { state: "revoked" },
    });
    const third = await reissueInvitation(org.admin, first.person.id);
    await db().accessLink.updateMany({
      where: { userId: first.person.id, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await appErrorOf(acceptInvitation({ token: tokenOf(third.link.url), name: "X", password: PASSWORD }))).toMatchObject({
      details: { state: "expired" },
    });
    expect(await appErrorOf(acceptInvitation({ token: "A".repeat(43), name: "X", password: PASSWORD }))).toMatchObject({
      code: "not_found",
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: first.person.id } })).pendingInvite).toBe(true);
  });
});

describe("roles and deactivation", () => {
  it("changes a role, audited with before and after", async () => {
    const person = await joined();
    expect(await updatePerson(org.admin, person.userId, { role: "COMMANDER" })).toMatchObject({ role: "COMMANDER" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.role_changed", entityId: person.userId } });
    expect(audit).toMatchObject({ before: { role: "RESPONDER" }, after: { role: "COMMANDER" } });
  });

  it("keeps the last active admin: demoting or deactivating them is a 422 saying why", async () => {
    const solo = await seedOrganization("Solo Admin Shop");
    const demote = await appErrorOf(updatePerson(solo.admin, solo.admin.userId, { role: "VIEWER" }));
    expect(demote).toMatchObject({ code: "validation_failed", details: { fields: [{ field: "role" }] } });
    expect(demote.message).toMatch(/last active admin/);
    // A second admin who is only invited does not count.
    const invitedAdmin = await invitePerson(solo.admin, { email: email(), role: "ADMIN" });
    await expectAppError(updatePerson(solo.admin, solo.admin.userId, { role: "VIEWER" }), "validation_failed", "role");
    await acceptInvitation({ token: tokenOf(invitedAdmin.link.url), name: "Second admin", password: PASSWORD });
    const second = await resolveActor(invitedAdmin.person.id);
    // Two admins demoting each other at once: one demotion wins, one admin stays.
    const both = await Promise.allSettled([
      updatePerson(solo.admin, second.userId, { role: "VIEWER" }),
      updatePerson(second, solo.admin.userId, { role: "VIEWER" }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { organizationId: solo.id, role: "ADMIN", deactivatedAt: null, pendingInvite: false } })).toBe(1);
  });

  it("a deactivated person is out: session, API token and sign-in refused; history kept; reactivation lets them back", async () => {
    const person = await joined();
    const { token } = await createApiToken(person, { name: "cli", scope: "write" });
    const version = (await db().user.findUniqueOrThrow({ where: { id: person.userId } })).sessionVersion;
    await expectAppError(updatePerson(org.admin, org.admin.userId, { active: false }), "validation_failed", "active");
    expect(await updatePerson(org.admin, person.userId, { active: false })).toMatchObject({ status: "deactivated" });
    expect((await appErrorOf(resolveActor({ userId: person.userId, version }))).message).toMatch(/deactivated/);
    await expectAppError(authenticateBearer(`Bearer ${token}`, "GET"), "unauthorized");
    expect(await authorizeCredentials({ email: person.email, password: PASSWORD })).toBeNull();
    expect(await listMembers(org.admin)).not.toContainEqual(expect.objectContaining({ id: person.userId }));
    expect(await listPeople(org.admin)).toContainEqual(expect.objectContaining({ id: person.userId, status: "deactivated" }));
    expect(await db().auditLog.count({ where: { action: "user.deactivated", entityId: person.userId } })).toBe(1);

    await updatePerson(org.admin, person.userId, { active: true });
    // The old session stays ended (its version was bumped); a new sign-in and the token work.
    await expectAppError(resolveActor({ userId: person.userId, version }), "unauthorized");
    expect(await authorizeCredentials({ email: person.email, password: PASSWORD })).toMatchObject({ id: person.userId });
    await expect(authenticateBearer(`Bearer ${token}`, "GET")).resolves.toMatchObject({ actor: { userId: person.userId } });
    expect(await db().auditLog.count({ where: { action: "user.reactivated", entityId: person.userId } })).toBe(1);
  });

  it("another organisation's person is not found", async () => {
    const other = await seedOrganization("Other Shop");
    await expectAppError(updatePerson(org.admin, other.viewer.userId, { role: "ADMIN" }), "not_found");
    await expectAppError(issuePasswordReset(org.admin, other.viewer.userId), "not_found");
  });
});

describe("passwords", () => {
  it("changing your own needs the current one and ends your sessions; never stored in the audit", async () => {
    const person = await joined();
    const before = (await db().user.findUniqueOrThrow({ where: { id: person.userId } })).sessionVersion;
    await expectAppError(
      changeOwnPassword(person, { currentPassword: "not the password", newPassword: "a brand new passphrase" }),
      "validation_failed",
      "currentPassword",
    );
    const weak = await appErrorOf(changeOwnPassword(person, { currentPassword: PASSWORD, newPassword: "short" }));
    expect(weak.message).toMatch(/newPassword: password must be at least 12 characters/);
    await changeOwnPassword(person, { currentPassword: PASSWORD, newPassword: "a brand new passphrase" });
    await expectAppError(resolveActor({ userId: person.userId, version: before }), "unauthorized");
    expect(await authorizeCredentials({ email: person.email, password: PASSWORD })).toBeNull();
    expect(await authorizeCredentials({ email: person.email, password: "a brand new passphrase" })).toMatchObject({ id: person.userId });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.password_changed", entityId: person.userId } });
    expect(JSON.stringify(audit)).not.toContain("passphrase");
  });

  it("an admin's reset link sets a new password once and ends every session", async () => {
    const person = await joined();
    const before = (await db().user.findUniqueOrThrow({ where: { id: person.userId } })).sessionVersion;
    const { link } = await issuePasswordReset(org.admin, person.userId);
    expect(link.url).toMatch(/\/reset-password\/[\w-]{43}$/);
    await completePasswordReset({ token: tokenOf(link.url), password: "reset to this passphrase" });
    await expectAppError(resolveActor({ userId: person.userId, version: before }), "unauthorized");
    expect(await authorizeCredentials({ email: person.email, password: "reset to this passphrase" })).toMatchObject({ id: person.userId });
    expect(await appErrorOf(completePasswordReset({ token: tokenOf(link.url), password: "and again this one" }))).toMatchObject({
      details: { state: "used" },
    });
    // An invitation is not a reset link, and an invited person gets no reset link.
    const invited = await invitePerson(org.admin, { email: email(), role: "VIEWER" });
    await expectAppError(completePasswordReset({ token: tokenOf(invited.link.url), password: PASSWORD }), "not_found");
    await expectAppError(issuePasswordReset(org.admin, invited.person.id), "conflict");
  });
});
