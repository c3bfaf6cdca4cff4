import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../lib/server/auth-options.ts";
import { MAX_FAILED_LOGINS } from "../../lib/auth/login-policy.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { db } from "../../lib/db/client.ts";
import { hitRateLimit } from "../../lib/security/hit-rate-limit.ts";
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

const attempt = (email: string, password: string, address = "203.0.113.50") =>
  authorizeCredentials({ email, password }, { headers: { "x-warroom-client-ip": address } });

// Issue #16, finding 8: a locked account answered AccountLocked (unknown ones CredentialsSignin),
// and anyone could keep a known account locked for its owner.
describe("password guessing is throttled per account and address", () => {
  it(`stops an account from one address after ${MAX_FAILED_LOGINS} wrong passwords, answering like any wrong password`, async () => {
    const email = org.responder.email;
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect(await attempt(email, "wrong", "198.51.100.66")).toBeNull();
    // Even the right password, from there: the same null an unknown email gets, no "locked" error.
    expect(await attempt(email, PASSWORD, "198.51.100.66")).toBeNull();
    expect(await attempt("nobody@test.local", PASSWORD, "198.51.100.66")).toBeNull();

    const audit = await db().auditLog.findMany({ where: { entityId: org.responder.userId, action: "user.locked" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBeNull();
    expect(audit[0]?.after).toMatchObject({ address: "198.51.100.66" });
  });

  it("lets the owner in from their own address while someone else guesses their password", async () => {
    const email = org.viewer.email;
    for (let i = 0; i < MAX_FAILED_LOGINS + 3; i++) expect(await attempt(email, "guess", "192.0.2.99")).toBeNull();
    expect(await attempt(email, PASSWORD, "203.0.113.10")).toMatchObject({ id: org.viewer.userId });
    const user = await db().user.findUniqueOrThrow({ where: { id: org.viewer.userId } });
    expect(user.lockedUntil).toBeNull();
  });

  it("resets the count on a successful sign-in, so scattered typos never stop anyone", async () => {
    const email = org.commander.email;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect(await attempt(email, "typo")).toBeNull();
      expect(await attempt(email, PASSWORD)).toMatchObject({ id: org.commander.userId });
    }
  });

  it("treats an unknown email exactly like a known one: null, and throttled the same way", async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS + 1; i++) await expect(attempt("nobody@test.local", "wrong")).resolves.toBeNull();
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
