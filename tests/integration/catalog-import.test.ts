import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCatalog } from "../../lib/catalog/io/export-catalog.ts";
import { importCatalog } from "../../lib/catalog/io/import-catalog.ts";
import type { ImportErrorDetails } from "../../lib/catalog/io/import-types.ts";
import { db } from "../../lib/db/client.ts";
import { appErrorOf } from "../helpers/app-error.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

const FIXTURE = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/backstage-retail.yaml"), "utf8");

let testDb: TestDatabase;
let retail: SeededOrganization;

beforeAll(async () => {
  testDb = await createTestDatabase();
  retail = await seedOrganization("Retail");
});
afterAll(() => testDb.close());

const exportOf = async (org: SeededOrganization, format: "json" | "yaml" = "json") => (await exportCatalog(org.viewer, format)).body;

async function catalogOf(org: SeededOrganization) {
  const where = { organizationId: org.id };
  return {
    teams: await db().team.findMany({ where, orderBy: { name: "asc" } }),
    services: await db().service.findMany({ where, include: { team: true }, orderBy: { name: "asc" } }),
    dependencies: await db().serviceDependency.findMany({ where: { from: where }, include: { from: true, to: true } }),
  };
}

describe("importing a Backstage catalog of 50 entities", () => {
  it("creates its teams, services and dependencies in one go", async () => {
    const result = await importCatalog(retail.commander, FIXTURE);
    expect(result).toMatchObject({
      format: "backstage",
      dryRun: false,
      teams: { create: 7, update: 0, unchanged: 0 },
      services: { create: 36, update: 0, unchanged: 0 },
      dependencies: { create: 54, update: 0, unchanged: 0, remove: 0 },
    });
    // The Resource, the dependency on it and members who are not users here are skipped, and said
    // so; a team none of whose members is a user here keeps its members (a warning per team).
    expect(result.warnings.map((w) => [w.kind, w.name])).toEqual([
      ["Group", "checkout"],
      ["Group", "checkout"],
      ["Group", "payments"],
      ["Group", "payments"],
      ["Group", "payments"],
      ["Component", "oms-core"],
      ["Resource", "orders-db"],
    ]);

    const { teams, services, dependencies } = await catalogOf(retail);
    expect(teams.map((t) => t.name)).toEqual([
      "Checkout",
      "ERP & Integrations",
      "Fulfillment",
      "Inventory",
      "Payments",
      "Search & Feeds",
      "Storefront",
    ]);
    expect(teams.find((t) => t.name === "Payments")).toMatchObject({
      chatChannel: "#team-payments",
      onCall: ["pager:payments-primary", "+49 30 5550 1200"],
      description: "Card payments, fraud and refunds",
    });
    expect(services).toHaveLength(36);
    expect(dependencies).toHaveLength(54);

    const psp = services.find((s) => s.name === "Payment gateway adapter");
    expect(psp).toMatchObject({
      kind: "payment",
      tier: 1,
      system: "Checkout",
      runbookUrl: "https://runbooks.shop.example/psp-adapter",
      journeys: ["checkout", "payment", "returns"],
    });
    expect(psp?.team.name).toBe("Payments");
    // No spec.owner: the owner of its System (checkout → group checkout).
    expect(services.find((s) => s.name === "Checkout service")?.team.name).toBe("Checkout");
    expect(services.find((s) => s.name === "Carrier hub")?.kind).toBe("shipping"); // spec.type 3pl

    const edges = dependencies.map((d) => `${d.from.name} → ${d.to.name}`);
    expect(edges).toContain("payments-api → Payment gateway adapter"); // providesApis
    expect(edges).toContain("Checkout service → payments-api"); // consumesApis
    expect(edges).toContain("OMS → WMS gateway"); // dependsOn
    expect(edges.filter((e) => e.startsWith("OMS →"))).toHaveLength(6);
    // warroom.io/async-dependencies: the OMS hands orders to the WMS through a queue.
    const omsToWms = dependencies.find((d) => d.from.name === "OMS" && d.to.name === "WMS gateway");
    expect(omsToWms).toMatchObject({ isAsync: true, isCritical: true });
    expect(dependencies.filter((d) => d.isAsync)).toHaveLength(6);

    const audit = await db().auditLog.findMany({ where: { organizationId: retail.id, action: "catalog.import" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ format: "backstage", services: { create: 36 }, dependencies: { create: 54 } });
  });

  it("is idempotent: importing it again changes nothing and duplicates nothing", async () => {
    const before = await catalogOf(retail);
    const exported = await exportOf(retail);
    const result = await importCatalog(retail.admin, FIXTURE);
    expect(result).toMatchObject({
      teams: { create: 0, update: 0, unchanged: 7 },
      services: { create: 0, update: 0, unchanged: 36 },
      dependencies: { create: 0, update: 0, unchanged: 54, remove: 0 },
    });
    const after = await catalogOf(retail);
    expect(after.services.map((s) => s.id)).toEqual(before.services.map((s) => s.id));
    expect(after.dependencies.map((d) => d.id).sort()).toEqual(before.dependencies.map((d) => d.id).sort());
    expect(await exportOf(retail)).toBe(exported);
  });

  it("updates what the file changed, and only that, when the file changes", async () => {
    const changed = FIXTURE.replace(
      'warroom.io/tier: "3"\n    warroom.io/journeys: browse\n',
      'warroom.io/tier: "2"\n    warroom.io/journeys: browse\n',
    ) // CMS
      .replace("    - component:default/cms\n", ""); // web storefront no longer depends on the CMS
    // Dry run: the plan, and nothing written.
    const exported = await exportOf(retail);
    const plan = await importCatalog(retail.commander, changed, { dryRun: true });
    expect(plan).toMatchObject({
      dryRun: true,
      services: { create: 0, update: 1, unchanged: 35 },
      dependencies: { create: 0, remove: 1, unchanged: 53 },
    });
    expect(await exportOf(retail)).toBe(exported);

    await importCatalog(retail.commander, changed);
    const { services, dependencies } = await catalogOf(retail);
    expect(services.find((s) => s.name === "CMS")?.tier).toBe(2);
    expect(dependencies.map((d) => `${d.from.name} → ${d.to.name}`)).not.toContain("Web storefront → CMS");
    await importCatalog(retail.commander, FIXTURE);
  });
});

const BAD = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: gift-cards
spec:
  type: service
  owner: group:default/loyalty
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: basket
  title: Cart service
spec:
  owner: checkout
  dependsOn: [component:basket]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: wishlist
spec:
  owner: storefront
  dependsOn:
    - component:default/cart-service
    - component:default/ghost-service
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: wishlist
spec:
  owner: storefront
`;

describe("a bad file", () => {
  it("is refused with every bad entity and its line, and leaves the catalog exactly as it was", async () => {
    const before = await exportOf(retail);
    const auditBefore = await db().auditLog.count({ where: { organizationId: retail.id } });
    const error = await appErrorOf(importCatalog(retail.commander, BAD));
    expect(error).toMatchObject({ code: "validation_failed", status: 422 });
    const details = error.details as ImportErrorDetails;
    expect(details.entities.map((e) => [e.line, e.kind, e.name, e.message])).toEqual([
      [7, "Component", "gift-cards", "owner group:default/loyalty is not a team in the file or in the catalog"],
      [16, "Component", "basket", "a service cannot depend on itself"],
      [26, "Component", "wishlist", "dependsOn component:default/ghost-service is not a service in the file or in the catalog"],
      [31, "Component", "wishlist", "duplicate entity component:default/wishlist (first on line 18)"],
    ]);
    expect(details.fields.map((f) => f.field)).toEqual([
      "documents.0.spec.owner",
      "documents.1.spec.dependsOn.0",
      "documents.2.spec.dependsOn.1",
      "documents.3.metadata.name",
    ]);
    expect(error.message).toMatch(/^The file has 4 problems; nothing was imported — line 7 \(gift-cards\)/);
    // Resolved against the catalog: the teams "Checkout" and "Storefront", the service "Cart service".

    expect(await exportOf(retail)).toBe(before);
    expect(await db().auditLog.count({ where: { organizationId: retail.id } })).toBe(auditBefore);
  });

  it("reports a duplicate name between two entities of the file", async () => {
    const text = `kind: Component
metadata: { name: cart-v1, title: Cart }
spec: { owner: checkout }
---
kind: Component
metadata: { name: cart-v2, title: Cart }
spec: { owner: checkout }
`;
    const details = (await appErrorOf(importCatalog(retail.commander, text))).details as ImportErrorDetails;
    expect(details.entities).toEqual([
      expect.objectContaining({ line: 6, name: "cart-v2", message: 'duplicate service name "Cart" (first on line 1)' }),
    ]);
  });

  it("reports YAML syntax errors with their line", async () => {
    const details = (await appErrorOf(importCatalog(retail.commander, "version: 1\nteams:\n  - name: Ops\n   chatChannel: x\n")))
      .details as ImportErrorDetails;
    expect(details.entities[0]).toMatchObject({ kind: "file", line: 4 });
  });
});

describe("export and import", () => {
  it("round-trips: a JSON export imported into an empty organisation exports the same", async () => {
    const json = await exportOf(retail);
    const file = JSON.parse(json) as { organization: string; teams: unknown[]; services: unknown[] };
    expect(file).toMatchObject({ format: "warroom-catalog", version: 1, organization: "Retail" });
    expect(file.teams).toHaveLength(7);

    const copy = await seedOrganization("Retail copy");
    const result = await importCatalog(copy.admin, json);
    expect(result).toMatchObject({ format: "warroom", teams: { create: 7 }, services: { create: 36 }, dependencies: { create: 54 } });
    expect((await exportOf(copy)).replace('"Retail copy"', '"Retail"')).toBe(json);

    // The YAML export says the same thing and imports as a no-op.
    const yaml = await exportOf(copy, "yaml");
    expect(parse(yaml)).toEqual(JSON.parse(await exportOf(copy)));
    expect(await importCatalog(copy.admin, yaml)).toMatchObject({
      teams: { create: 0, update: 0 },
      services: { create: 0, update: 0 },
      dependencies: { create: 0, update: 0, remove: 0 },
    });
  });

  it("merges by name: a partial Warroom file leaves everything it does not mention alone", async () => {
    const partial = `version: 1
teams:
  - name: Payments
    escalationContact: Head of Payments
    members: ["${retail.responder.email}"]
services:
  - name: Fraud screening
    owner: Payments
    dependsOn:
      - { service: OMS, async: true, critical: false }
`;
    const before = await catalogOf(retail);
    const result = await importCatalog(retail.commander, partial);
    expect(result).toMatchObject({ teams: { update: 1 }, services: { unchanged: 1 }, dependencies: { create: 1 } });
    const after = await catalogOf(retail);
    const payments = after.teams.find((t) => t.name === "Payments");
    expect(payments).toMatchObject({ escalationContact: "Head of Payments", chatChannel: "#team-payments" });
    expect(await db().teamMember.findMany({ where: { teamId: payments!.id } })).toEqual([
      expect.objectContaining({ userId: retail.responder.userId }),
    ]);
    expect(after.services).toHaveLength(before.services.length);
    expect(after.dependencies).toHaveLength(before.dependencies.length + 1);
    expect(after.dependencies.find((d) => d.from.name === "Fraud screening")).toMatchObject({ isAsync: true, isCritical: false });
  });

  it("lets viewers export but not import", async () => {
    expect((await exportCatalog(retail.viewer, "yaml")).filename).toMatch(/^warroom-catalog-retail-\d{4}-\d{2}-\d{2}\.yaml$/);
    expect((await appErrorOf(importCatalog(retail.viewer, FIXTURE))).status).toBe(403);
    expect((await appErrorOf(importCatalog(retail.responder, FIXTURE, { dryRun: true }))).status).toBe(403);
  });

  it("never reaches into another organisation", async () => {
    const other = await seedOrganization("Globex");
    const text = `version: 1\nservices:\n  - { name: Storefront BFF, owner: Payments }\n`;
    const error = await appErrorOf(importCatalog(other.admin, text));
    expect((error.details as ImportErrorDetails).entities[0]?.message).toBe('owner "Payments" is not a team in the file or in the catalog');
    expect(JSON.parse(await exportOf(other))).toMatchObject({ teams: [], services: [] });
  });
});

describe("importing Backstage over a catalog people maintain in Warroom", () => {
  // Backstage knows the group's members as Backstage users, not as Warroom users; it has no
  // description for either entity, and types the adapter as a generic "service".
  const BACKSTAGE = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
spec:
  type: team
  children: []
  members: [user:default/jdoe, user:default/asmith]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: jdoe
spec:
  profile: { email: jdoe@backstage.example }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payment-gateway-adapter
  title: Payment gateway adapter
  annotations:
    warroom.io/health-check-url: https://psp-adapter.internal.example/health
    warroom.io/aliases: payment-gateway, pgw
spec:
  type: service
  lifecycle: production
  owner: group:default/payments
  dependsOn: []
`;

  async function seedMaintained() {
    const org = await seedOrganization("Shop");
    const { createTeam } = await import("../../lib/catalog/create-team.ts");
    const { createService } = await import("../../lib/catalog/create-service.ts");
    const { addDependency } = await import("../../lib/catalog/add-dependency.ts");
    const team = await createTeam(org.admin, {
      name: "payments",
      description: "Card payments and refunds",
      memberIds: [org.responder.userId, org.commander.userId],
    });
    const psp = await createService(org.admin, {
      name: "Payment gateway adapter",
      teamId: team.id,
      kind: "payment",
      tier: 1,
      description: "Authorise and capture through the PSP",
      journeys: ["checkout", "payment"],
    });
    const deps: string[] = [];
    for (const name of ["Fraud check", "Tokeniser", "OMS", "Ledger", "Risk engine"]) {
      const s = await createService(org.admin, { name, teamId: team.id });
      await addDependency(org.admin, psp.id, { toId: s.id });
      deps.push(name);
    }
    return { org, team, psp, deps };
  }

  it("the dry run names every removal and every changed field, before → after", async () => {
    const { org, deps } = await seedMaintained();
    const plan = await importCatalog(org.admin, BACKSTAGE, { dryRun: true });
    expect(plan.dependencies.remove).toBe(5);
    const removals = plan.changes
      .filter((c) => c.action === "remove")
      .map((c) => c.name)
      .sort();
    expect(removals).toEqual(deps.map((d) => `Payment gateway adapter → ${d}`).sort());
    const psp = plan.changes.find((c) => c.entity === "service" && c.name === "Payment gateway adapter");
    expect(psp?.fields).toEqual([
      { field: "healthCheckUrl", before: null, after: "https://psp-adapter.internal.example/health" },
      { field: "aliases", before: [], after: ["payment-gateway", "pgw"] },
    ]);
    // Members none of whom is a user here, a missing description: the team does not change.
    expect(plan.changes.find((c) => c.entity === "team")).toBeUndefined();
    expect(plan.warnings.map((w) => w.message)).toContain(
      "none of the members is a user of this organisation; the team's members are left as they are",
    );
  });

  it("keeps members, descriptions and kinds the file does not explicitly change; an imported health check waits to be enabled", async () => {
    const { org, team, psp } = await seedMaintained();
    const result = await importCatalog(org.admin, BACKSTAGE);
    expect(result).toMatchObject({ teams: { update: 0, unchanged: 1 }, services: { update: 1 } });
    const members = await db().teamMember.findMany({ where: { teamId: team.id }, select: { userId: true } });
    expect(members.map((m) => m.userId).sort()).toEqual([org.responder.userId, org.commander.userId].sort());
    const after = await db().service.findUniqueOrThrow({ where: { id: psp.id } });
    expect(after).toMatchObject({
      kind: "payment",
      description: "Authorise and capture through the PSP",
      aliases: ["payment-gateway", "pgw"],
    });
    expect((await db().team.findUniqueOrThrow({ where: { id: team.id } })).description).toBe("Card payments and refunds");
    expect(after).toMatchObject({ healthCheckUrl: "https://psp-adapter.internal.example/health", healthCheckEnabled: false });
    const { claimDueChecks } = await import("../../lib/catalog/claim-due-checks.ts");
    expect((await claimDueChecks(100, new Date(), 1000)).map((c) => c.id)).not.toContain(psp.id);
  });

  it("an explicit kind annotation does change the kind; a known member does replace the members", async () => {
    const { org, team, psp } = await seedMaintained();
    const email = (await db().user.findUniqueOrThrow({ where: { id: org.viewer.userId } })).email;
    const explicit = BACKSTAGE.replace("jdoe@backstage.example", email).replace(
      "    warroom.io/aliases",
      "    warroom.io/kind: api\n    warroom.io/aliases",
    );
    await importCatalog(org.admin, explicit);
    expect((await db().service.findUniqueOrThrow({ where: { id: psp.id } })).kind).toBe("api");
    expect((await db().teamMember.findMany({ where: { teamId: team.id } })).map((m) => m.userId)).toEqual([org.viewer.userId]);
  });

  it('"add and update only" never removes: the five dependencies stay', async () => {
    const { org, psp } = await seedMaintained();
    const result = await importCatalog(org.admin, BACKSTAGE, { mode: "add-update" });
    expect(result).toMatchObject({ mode: "add-update", dependencies: { remove: 0 } });
    expect(result.changes.some((c) => c.action === "remove")).toBe(false);
    expect(await db().serviceDependency.count({ where: { fromId: psp.id } })).toBe(5);
  });
});
