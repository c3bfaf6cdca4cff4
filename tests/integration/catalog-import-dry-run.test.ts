// Issue #16 finding 7: a dry run that passes means the import succeeds. For each kind of
// refusal, the dry run and the real import give the same 422 with the same issues, against a
// catalog that already holds data, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCatalog } from "../../lib/catalog/io/import-catalog.ts";
import { db } from "../../lib/db/client.ts";
import { appErrorOf } from "../helpers/app-error.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let shop: SeededOrganization;

const EXISTING = JSON.stringify({
  version: 1,
  teams: [{ name: "Payments", chatChannel: "#payments" }, { name: "Checkout" }],
  services: [
    { name: "Payment gateway", owner: "Payments", tier: 1 },
    { name: "Cart", owner: "Checkout", dependsOn: ["Payment gateway"] },
  ],
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  shop = await seedOrganization("Shop");
  await importCatalog(shop.admin, EXISTING);
});
afterAll(() => testDb.close());

async function footprint(): Promise<string> {
  const where = { organizationId: shop.id };
  const [teams, services, edges, audits] = await Promise.all([
    db().team.findMany({ where, orderBy: { name: "asc" }, select: { name: true, chatChannel: true } }),
    db().service.findMany({ where, orderBy: { name: "asc" }, select: { name: true, tier: true, healthCheckUrl: true } }),
    db().serviceDependency.count({ where: { from: where } }),
    db().auditLog.count({ where }),
  ]);
  return JSON.stringify({ teams, services, edges, audits });
}

const file = (teams: object[], services: object[]) => JSON.stringify({ version: 1, teams, services });

const REFUSALS: [string, string, string][] = [
  ["a syntax error", "{ version: 1, teams: [", "(file)"],
  ["an unknown field", file([{ name: "Search", colour: "blue" }], []), "teams.0"],
  ["an owner that is no team", file([], [{ name: "Search API", owner: "Nobody" }]), "owner"],
  ["two names in the file that differ only by a zero-width character", file([{ name: "Search" }, { name: "Sea\u200Brch" }], []), "name"],
  ["two names in the file that differ only in case and spacing", file([{ name: "Search  Team" }, { name: "search team" }], []), "name"],
  ["a name that differs from an existing team's only in case", file([{ name: "PAYMENTS", chatChannel: "#pay" }], []), "name"],
  ["a service name that differs from an existing one only in case", file([], [{ name: "payment GATEWAY", owner: "Payments" }]), "name"],
  [
    "a health-check URL pointing at the cloud metadata endpoint",
    file([], [{ name: "Cart", owner: "Checkout", healthCheckUrl: "http://169.254.169.254/latest/meta-data" }]),
    "healthCheckUrl",
  ],
  [
    "a health-check URL pointing at loopback",
    file([], [{ name: "Cart", owner: "Checkout", healthCheckUrl: "http://[::1]:8080/health" }]),
    "healthCheckUrl",
  ],
];

describe("the catalog import dry run checks exactly what the import writes", () => {
  it.each(REFUSALS)("%s: dry run and import refuse alike with a 422, nothing written", async (_label, text, field) => {
    const before = await footprint();
    const dry = await appErrorOf(importCatalog(shop.admin, text, { dryRun: true }));
    const real = await appErrorOf(importCatalog(shop.admin, text));
    expect(dry.status).toBe(422);
    expect(real.status).toBe(422);
    expect(real.message).toBe(dry.message);
    expect(real.details).toEqual(dry.details);
    const fields = (real.details as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields.some((f) => f.includes(field))).toBe(true);
    expect(await footprint()).toBe(before);
  });

  it("a dry run that passes is followed by an import that writes what it announced", async () => {
    const text = file(
      [{ name: "Search" }, { name: "Payments", chatChannel: "#payments-team" }],
      [{ name: "Search API", owner: "search", dependsOn: ["payment gateway"] }],
    );
    const before = await footprint();
    const plan = await importCatalog(shop.admin, text, { dryRun: true, mode: "add-update" });
    expect(await footprint()).toBe(before);
    const done = await importCatalog(shop.admin, text, { mode: "add-update" });
    expect({ ...done, dryRun: true }).toEqual(plan);
    expect((await db().team.findMany({ where: { organizationId: shop.id }, orderBy: { name: "asc" } })).map((t) => t.name)).toEqual([
      "Checkout",
      "Payments",
      "Search",
    ]);
  });
});
