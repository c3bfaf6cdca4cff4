// First-run setup on an empty database: exactly one organisation, whatever races it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../lib/server/auth-options.ts";
import { db } from "../../lib/db/client.ts";
import { needsSetup } from "../../lib/people/needs-setup.ts";
import { setupOrganization } from "../../lib/people/setup-organization.ts";
import { appErrorOf, expectAppError, fieldsOf } from "../helpers/app-error.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.close());

const input = (n: number, password = "a long enough passphrase") => ({
  organization: { name: `Shop ${n}`, currency: "eur", timeZone: "Europe/Berlin" },
  admin: { name: `Owner ${n}`, email: `Owner${n}@Shop.Example`, password },
});

describe("first-run setup", () => {
  it("refuses a weak password and a bad zone naming the rule, and writes nothing", async () => {
    const weak = await appErrorOf(setupOrganization(input(0, "short")));
    expect(weak.code).toBe("validation_failed");
    expect(weak.message).toMatch(/at least 12 characters/);
    expect(fieldsOf(weak)).toEqual(["admin.password"]);
    await expectAppError(
      setupOrganization({ ...input(0), organization: { name: "Shop", currency: "EUR", timeZone: "Mars/Olympus" } }),
      "validation_failed",
      "organization.timeZone",
    );
    expect(await db().organization.count()).toBe(0);
    expect(await needsSetup()).toBe(true);
  });

  it("creates exactly one organisation when called concurrently; the others get 403, and the admin can sign in", async () => {
    const results = await Promise.allSettled([1, 2, 3].map((n) => setupOrganization(input(n))));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "forbidden" });
    expect(await db().organization.count()).toBe(1);
    expect(await db().user.count()).toBe(1);
    const org = await db().organization.findFirstOrThrow();
    expect(org).toMatchObject({ currency: "EUR", timeZone: "Europe/Berlin", isDemo: false });
    const admin = await db().user.findFirstOrThrow();
    expect(admin).toMatchObject({ role: "ADMIN", email: admin.email.toLowerCase() });
    expect(await authorizeCredentials({ email: admin.email, password: "a long enough passphrase" })).toMatchObject({ id: admin.id });
    expect(await db().auditLog.findMany({ select: { action: true }, orderBy: { action: "asc" } })).toEqual([
      { action: "organization.created" },
      { action: "user.created" },
    ]);
  });

  it("answers 403 for ever after", async () => {
    await expectAppError(setupOrganization(input(9)), "forbidden");
    expect(await needsSetup()).toBe(false);
  });
});
