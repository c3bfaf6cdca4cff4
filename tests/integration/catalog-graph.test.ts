import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as graphRoute from "../../app/api/catalog/graph/route.ts";
import { getCatalogGraph } from "../../lib/catalog/get-catalog-graph.ts";
import { db } from "../../lib/db/client.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { callRoute } from "../helpers/call-route.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let acme: SeededOrganization;
let globex: SeededOrganization;
const ids: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
  const payments = await db().team.create({
    data: { organizationId: acme.id, name: "Payments", onCall: ["Diego +1 555 0130"], escalationContact: "Sara" },
  });
  const checkout = await db().team.create({ data: { organizationId: acme.id, name: "Checkout" } });
  const make = async (name: string, teamId: string, extra: Record<string, unknown> = {}) => {
    ids[name] = (await db().service.create({ data: { organizationId: acme.id, teamId, name, ...extra } })).id;
  };
  await make("Checkout API", checkout.id, { tier: 1, journeys: ["checkout"] });
  await make("Payment gateway", payments.id, {
    tier: 1,
    kind: "payment",
    runbookUrl: "https://runbooks.example.com/pg",
    healthCheckUrl: "https://pg.internal/health",
  });
  await db().serviceDependency.create({
    data: { fromId: ids["Checkout API"] ?? "", toId: ids["Payment gateway"] ?? "", isAsync: false, isCritical: true },
  });
  const globexTeam = await db().team.create({ data: { organizationId: globex.id, name: "Globex team" } });
  await db().service.create({ data: { organizationId: globex.id, teamId: globexTeam.id, name: "Globex secret service" } });
});
afterAll(() => testDb.close());

describe("the dependency map", () => {
  it("has the organisation's teams, services and dependencies, and nothing of another organisation", async () => {
    const graph = await getCatalogGraph(acme.viewer);
    expect(graph.teams.map((t) => t.name)).toEqual(["Checkout", "Payments"]);
    expect(graph.teams.find((t) => t.name === "Payments")).toMatchObject({ onCall: ["Diego +1 555 0130"], escalationContact: "Sara" });
    expect(graph.services.map((s) => s.name).sort()).toEqual(["Checkout API", "Payment gateway"]);
    expect(graph.services.find((s) => s.name === "Payment gateway")).toMatchObject({
      kind: "payment",
      tier: 1,
      team: { name: "Payments" },
      health: "unknown",
      runbookUrl: "https://runbooks.example.com/pg",
      isPolled: true,
      openIncidents: [],
    });
    // The check URL can point inside the network: the map says whether it is polled, not where.
    expect(JSON.stringify(graph)).not.toContain("pg.internal");
    expect(graph.dependencies).toEqual([{ from: ids["Checkout API"], to: ids["Payment gateway"], async: false, critical: true }]);
    expect(JSON.stringify(await getCatalogGraph(globex.viewer))).not.toContain("Payment gateway");
  });

  it("lists a service's unresolved incidents, worst first, and drops them once resolved", async () => {
    const minor = await seedIncident(acme.commander, { title: "Slow refunds", severity: "SEV3" });
    const major = await seedIncident(acme.commander, { title: "Card payments failing", severity: "SEV1" });
    for (const incident of [minor, major]) await setImpactedServices(acme.commander, incident.id, { serviceIds: [ids["Payment gateway"]] });

    const open = (await getCatalogGraph(acme.viewer)).services.find((s) => s.name === "Payment gateway")?.openIncidents;
    expect(open?.map((i) => [i.ref, i.severity, i.title])).toEqual([
      [major.ref, "SEV1", "Card payments failing"],
      [minor.ref, "SEV3", "Slow refunds"],
    ]);

    await updateIncident(acme.commander, major.id, { status: "resolved" });
    const after = (await getCatalogGraph(acme.viewer)).services.find((s) => s.name === "Payment gateway")?.openIncidents;
    expect(after?.map((i) => i.id)).toEqual([minor.id]);
  });

  it("is served at GET /api/catalog/graph to signed-in users only", async () => {
    expect((await callRoute(graphRoute.GET, { path: "/api/catalog/graph" })).status).toBe(401);
  });
});
