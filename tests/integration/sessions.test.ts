// Sessions end on the server: sign-out bumps the person's session version, so a copy of the
// cookie taken before stops working; single sign-on only lets in whom OIDC_ALLOWED_DOMAINS names.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { authOptions } from "../../lib/server/auth-options.ts";
import { sessionFromCookieHeader } from "../../lib/auth/session-token.ts";
import { ssoRefusal } from "../../lib/auth/sso-refusal.ts";
import { userIdForSso } from "../../lib/auth/user-id-for-sso.ts";
import { ssoErrorMessage } from "../../lib/auth/sso-messages.ts";
import { db } from "../../lib/db/client.ts";
import { invitePerson } from "../../lib/people/invite-person.ts";
import { expectAppError } from "../helpers/app-error.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Session Shop");
});
afterAll(() => testDb.close());
afterEach(() => {
  delete process.env.OIDC_ALLOWED_DOMAINS;
});

describe("sign-out", () => {
  it("ends the session on the server: the cookie captured before stops working, a new sign-in works", async () => {
    const options = authOptions();
    // What next-auth's jwt callback puts in a new session: the user's current version.
    const token = await options.callbacks!.jwt!({
      token: { sub: org.responder.userId },
      user: { id: org.responder.userId },
      account: null,
      trigger: "signIn",
    });
    expect(token.sv).toBe(0);
    expect(await db().user.findUniqueOrThrow({ where: { id: org.responder.userId } })).toMatchObject({ lastSignInAt: expect.any(Date) });
    const captured = await sessionFromCookieHeader(await sessionCookie(org.responder.userId, token.sv));
    await expect(resolveActor(captured)).resolves.toMatchObject({ userId: org.responder.userId });

    await options.events!.signOut!({ token, session: null as never });
    expect((await expectAppError(resolveActor(captured), "unauthorized")).message).toMatch(/signed out/);
    // Signing out again with the same (dead) token changes nothing more.
    await options.events!.signOut!({ token, session: null as never });
    const fresh = await options.callbacks!.jwt!({
      token: { sub: org.responder.userId },
      user: { id: org.responder.userId },
      account: null,
      trigger: "signIn",
    });
    expect(fresh.sv).toBe(1);
    await expect(resolveActor({ userId: org.responder.userId, version: 1 })).resolves.toMatchObject({ userId: org.responder.userId });
  });
});

describe("single sign-on", () => {
  it("without OIDC_ALLOWED_DOMAINS creates nobody; existing people still sign in", async () => {
    expect(await ssoRefusal("newcomer@shop.example")).toBe("SsoNoNewUsers");
    expect(await ssoRefusal(org.viewer.email)).toBeNull();
    expect(ssoErrorMessage("SsoNoNewUsers")).toMatch(/Ask an admin to invite you/);
  });

  it("with it, lets in only the listed domains, case and @ aside", async () => {
    process.env.OIDC_ALLOWED_DOMAINS = "Shop.Example, @ops.shop.example";
    expect(await ssoRefusal("ana@shop.example")).toBeNull();
    expect(await ssoRefusal("bo@OPS.shop.example")).toBeNull();
    expect(await ssoRefusal("eve@evil.example")).toBe("SsoDomainNotAllowed");
    expect(await ssoRefusal("eve@notshop.example")).toBe("SsoDomainNotAllowed");
    expect(ssoErrorMessage("SsoDomainNotAllowed")).toMatch(/domain is not allowed/);
    const id = await userIdForSso("ana@shop.example", "Ana");
    expect(await db().auditLog.count({ where: { action: "user.joined", entityId: id } })).toBe(1);
  });

  it("refuses a deactivated person, and an invited person who signs in through SSO has joined", async () => {
    await db().user.update({ where: { id: org.commander.userId }, data: { deactivatedAt: new Date() } });
    expect(await ssoRefusal(org.commander.email)).toBe("AccountDeactivated");
    const invited = await invitePerson(org.admin, { email: "invited@elsewhere.example", role: "RESPONDER" });
    expect(await ssoRefusal("invited@elsewhere.example")).toBeNull();
    expect(await userIdForSso("invited@elsewhere.example", "Invited")).toBe(invited.person.id);
    await expect(resolveActor(invited.person.id)).resolves.toMatchObject({ role: "RESPONDER" });
  });
});
