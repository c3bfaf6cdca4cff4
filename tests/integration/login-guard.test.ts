import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../lib/auth/options.ts";
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from "../../lib/auth/login-policy.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { db } from "../../lib/db/client.ts";
import { hitRateLimit } from "../../lib/security/rate-limit.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
const PASSWORD = "correct horse battery staple";

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Acme");
  const passwordHash = await hashPassword(PASSWORD);
  await db().user.updateMany({ where: { organizationId: org.id }, data: { passwordHash } });
});
afterAll(() => testDb.close());

const attempt = (email: string, password: string) => authorizeCredentials({ email, password });

describe("account lock-out", () => {
  it(`locks password sign-in after ${MAX_FAILED_LOGINS} wrong passwords in a row, even for the right one`, async () => {
    const email = org.responder.email;
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect(await attempt(email, "wrong")).toBeNull();
    const user = await db().user.findUniqueOrThrow({ where: { id: org.responder.userId } });
    expect(user.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + (LOCK_MINUTES - 1) * 60_000);
    await expect(attempt(email, PASSWORD)).rejects.toThrow("AccountLocked");

    const audit = await db().auditLog.findMany({ where: { entityId: org.responder.userId, action: "user.locked" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBeNull();
  });

  it("lets the right password in once the lock has expired, and starts counting afresh", async () => {
    await db().user.update({ where: { id: org.responder.userId }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await attempt(org.responder.email, PASSWORD)).toMatchObject({ id: org.responder.userId });
    const user = await db().user.findUniqueOrThrow({ where: { id: org.responder.userId } });
    expect({ failedLogins: user.failedLogins, lockedUntil: user.lockedUntil }).toEqual({ failedLogins: 0, lockedUntil: null });
  });

  it("resets the count on a successful sign-in, so scattered typos never lock anyone", async () => {
    const email = org.commander.email;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect(await attempt(email, "typo")).toBeNull();
      expect(await attempt(email, PASSWORD)).toMatchObject({ id: org.commander.userId });
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: org.commander.userId } })).lockedUntil).toBeNull();
  });

  it("does not reveal whether an unknown email exists", async () => {
    expect(await attempt("nobody@test.local", PASSWORD)).toBeNull();
  });
});

describe("rate limits", () => {
  const rule = { limit: 3, windowMs: 60_000 };
  const t0 = Date.UTC(2026, 10, 27, 12, 0, 10);

  it("allows the limit per window, then refuses with the seconds left in the window", async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit("login:203.0.113.7", rule, t0));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfterSeconds).toBe(50);
    expect((await hitRateLimit("login:203.0.113.7", rule, t0 + 60_000)).allowed).toBe(true);
  });

  it("counts each key on its own", async () => {
    for (let i = 0; i < 3; i++) await hitRateLimit("login:198.51.100.1", rule, t0);
    expect((await hitRateLimit("login:198.51.100.2", rule, t0)).allowed).toBe(true);
    expect((await hitRateLimit("login:198.51.100.1", rule, t0)).allowed).toBe(false);
  });

  it("counts concurrent requests exactly", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => hitRateLimit("burst", { limit: 5, windowMs: 60_000 }, t0)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });
});
