import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDependency } from "../../lib/catalog/add-dependency.ts";
import { removeDependency } from "../../lib/catalog/remove-dependency.ts";
import { updateDependency } from "../../lib/catalog/update-dependency.ts";
import { createService } from "../../lib/catalog/create-service.ts";
import { deleteService } from "../../lib/catalog/delete-service.ts";
import { getService } from "../../lib/catalog/get-service.ts";
import { listCatalogServices } from "../../lib/catalog/list-catalog-services.ts";
import { updateService } from "../../lib/catalog/update-service.ts";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { deleteTeam } from "../../lib/catalog/delete-team.ts";
import { getTeam } from "../../lib/catalog/get-team.ts";
import { listTeams } from "../../lib/catalog/list-teams.ts";
import { updateTeam } from "../../lib/catalog/update-team.ts";
import { listServices } from "../../lib/catalog/list-services.ts";
import { db } from "../../lib/db/client.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import * as dependencyRoute from "../../app/api/dependencies/[id]/route.ts";
import * as serviceDependenciesRoute from "../../app/api/services/[id]/dependencies/route.ts";
import * as serviceRoute from "../../app/api/services/[id]/route.ts";
import * as servicesRoute from "../../app/api/services/route.ts";
import * as teamRoute from "../../app/api/teams/[id]/route.ts";
import * as teamsRoute from "../../app/api/teams/route.ts";
import { appErrorOf, fieldsOf } from "../helpers/app-error.ts";
import { callRoute } from "../helpers/call-route.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let acme: SeededOrganization;
let globex: SeededOrganization;
let payments: string;
let checkout: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
  payments = (await createTeam(acme.admin, { name: "Payments", chatChannel: "#payments" })).id;
  checkout = (await createTeam(acme.admin, { name: "Checkout" })).id;
});
afterAll(() => testDb.close());

const auditCount = (entityId: string) => db().auditLog.count({ where: { entityId } });

/** The message a 422 gives for one field. */
function messageFor(error: { details?: unknown }, field: string): string | undefined {
  return (error.details as { fields: { field: string; message: string }[] }).fields.find((f) => f.field === field)?.message;
}

describe("teams", () => {
  it("are created with on-call, escalation, description and members, and audited", async () => {
    const team = await createTeam(acme.commander, {
      name: "Fulfillment",
      chatChannel: "#team-fulfillment",
      description: "Warehouse and carriers",
      onCall: ["Sam Picker +1 555 0101", "pager: fulfillment-primary"],
      escalationContact: "Head of Ops +1 555 0199",
      memberIds: [acme.responder.userId, acme.commander.userId, acme.responder.userId],
    });
    expect(team).toMatchObject({
      name: "Fulfillment",
      onCall: ["Sam Picker +1 555 0101", "pager: fulfillment-primary"],
      escalationContact: "Head of Ops +1 555 0199",
      serviceCount: 0,
      services: [],
    });
    expect(team.members.map((m) => m.id).sort()).toEqual([acme.commander.userId, acme.responder.userId].sort());
    expect(await auditCount(team.id)).toBe(1);
    expect((await listTeams(acme.viewer)).map((t) => t.name)).toEqual(["Checkout", "Fulfillment", "Payments"]);
  });

  it("are updated field by field; members are replaced", async () => {
    const team = await createTeam(acme.admin, { name: "Search", memberIds: [acme.viewer.userId] });
    const updated = await updateTeam(acme.commander, team.id, { onCall: ["Alex"], memberIds: [acme.admin.userId], chatChannel: "" });
    expect(updated).toMatchObject({ name: "Search", onCall: ["Alex"], chatChannel: null });
    expect(updated.members.map((m) => m.id)).toEqual([acme.admin.userId]);
    const renamed = await updateTeam(acme.commander, team.id, { name: "Search & Feeds" });
    expect(renamed.onCall).toEqual(["Alex"]);
    expect(renamed.members).toHaveLength(1);
  });

  it("refuse a duplicate name, in any case, naming it", async () => {
    const error = await appErrorOf(createTeam(acme.admin, { name: "payments" }));
    expect(error.status).toBe(422);
    expect(messageFor(error, "name")).toBe('a team named "Payments" already exists');
    // Another organisation may use the name.
    expect((await createTeam(globex.admin, { name: "Payments" })).name).toBe("Payments");
  });

  it("refuse members from another organisation", async () => {
    const error = await appErrorOf(createTeam(acme.admin, { name: "Ghosts", memberIds: [globex.viewer.userId] }));
    expect(error.status).toBe(422);
    expect(fieldsOf(error)).toEqual(["memberIds"]);
    expect(await db().team.count({ where: { name: "Ghosts" } })).toBe(0);
  });

  it("cannot be deleted while they own services (409 naming them), and can be after", async () => {
    const team = await createTeam(acme.admin, { name: "Short-lived", memberIds: [acme.viewer.userId] });
    const svc = await createService(acme.admin, { name: "Temp feed", teamId: team.id });
    const error = await appErrorOf(deleteTeam(acme.admin, team.id));
    expect(error.status).toBe(409);
    expect(error.message).toContain('"Temp feed"');
    expect(await db().team.count({ where: { id: team.id } })).toBe(1);

    await deleteService(acme.admin, svc.id);
    expect(await deleteTeam(acme.admin, team.id)).toEqual({ deleted: { id: team.id, name: "Short-lived" } });
    expect((await appErrorOf(getTeam(acme.admin, team.id))).status).toBe(404);
    expect(await db().teamMember.count({ where: { teamId: team.id } })).toBe(0);
  });
});

describe("services", () => {
  it("are created with every field, owned by a team, and show up in the pickers", async () => {
    const svc = await createService(acme.commander, {
      name: "Card vault",
      kind: "payment",
      tier: 1,
      teamId: payments,
      journeys: ["checkout", "payment", "checkout"],
      description: "Tokenised cards",
      runbookUrl: "https://runbooks.example.com/card-vault",
      healthCheckUrl: "https://vault.internal/health",
      system: "payments-core",
    });
    expect(svc).toMatchObject({
      name: "Card vault",
      kind: "payment",
      tier: 1,
      journeys: ["checkout", "payment"],
      team: { id: payments, name: "Payments", chatChannel: "#payments" },
      runbookUrl: "https://runbooks.example.com/card-vault",
      health: "unknown",
      dependsOn: [],
      dependedBy: [],
      openIncidents: [],
    });
    expect((await listServices(acme.viewer)).map((s) => s.name)).toContain("Card vault");
    expect((await listCatalogServices(acme.viewer)).find((s) => s.id === svc.id)?.team.name).toBe("Payments");
    expect(await auditCount(svc.id)).toBe(1);
  });

  it("refuse a duplicate name, naming the service that has it", async () => {
    await createService(acme.admin, { name: "Cart API", teamId: checkout });
    const error = await appErrorOf(createService(acme.admin, { name: "CART api", teamId: checkout }));
    expect(error.status).toBe(422);
    expect(messageFor(error, "name")).toBe('a service named "Cart API" already exists');
  });

  it("refuse an unknown owner team, and another organisation's team", async () => {
    const ghost = randomUUID();
    const unknown = await appErrorOf(createService(acme.admin, { name: "Orphan", teamId: ghost }));
    expect(unknown.status).toBe(422);
    expect(messageFor(unknown, "teamId")).toBe(`unknown team ${ghost}`);
    const foreign = (await listTeams(globex.admin))[0]?.id ?? "";
    expect(fieldsOf(await appErrorOf(createService(acme.admin, { name: "Orphan", teamId: foreign })))).toEqual(["teamId"]);
    expect(fieldsOf(await appErrorOf(createService(acme.admin, { name: "Orphan" })))).toEqual(["teamId"]);
    expect(await db().service.count({ where: { name: "Orphan" } })).toBe(0);
  });

  it("are updated field by field, and a failed update leaves the row as it was", async () => {
    const svc = await createService(acme.admin, { name: "Promotions", teamId: checkout, tier: 2, journeys: ["cart"] });
    const moved = await updateService(acme.commander, svc.id, {
      teamId: payments,
      tier: 1,
      runbookUrl: "https://runbooks.example.com/promo",
    });
    expect(moved).toMatchObject({
      name: "Promotions",
      tier: 1,
      journeys: ["cart"],
      team: { name: "Payments" },
      runbookUrl: "https://runbooks.example.com/promo",
    });
    const cleared = await updateService(acme.commander, svc.id, { runbookUrl: "" });
    expect(cleared.runbookUrl).toBeNull();

    const before = await db().service.findUniqueOrThrow({ where: { id: svc.id } });
    // The name clashes: nothing of the update is kept, not even the valid tier and description.
    const error = await appErrorOf(updateService(acme.commander, svc.id, { name: "Cart API", tier: 3, description: "changed" }));
    expect(messageFor(error, "name")).toBe('a service named "Cart API" already exists');
    const badUrl = await appErrorOf(updateService(acme.commander, svc.id, { tier: 3, runbookUrl: "ftp://nope" }));
    expect(fieldsOf(badUrl)).toEqual(["runbookUrl"]);
    expect(await db().service.findUniqueOrThrow({ where: { id: svc.id } })).toEqual(before);
  });

  it("keep their own name on rename to a different case", async () => {
    const svc = await createService(acme.admin, { name: "search api", teamId: checkout });
    expect((await updateService(acme.admin, svc.id, { name: "Search API" })).name).toBe("Search API");
  });

  it("cannot be deleted while impacted in an open incident", async () => {
    const svc = await createService(acme.admin, { name: "Gift cards", teamId: payments });
    const incident = await seedIncident(acme.commander, { title: "Gift cards failing" });
    await setImpactedServices(acme.commander, incident.id, { serviceIds: [svc.id] });
    expect((await getService(acme.viewer, svc.id)).openIncidents.map((i) => i.ref)).toEqual([incident.ref]);
    const error = await appErrorOf(deleteService(acme.admin, svc.id));
    expect(error.status).toBe(409);
    expect(error.message).toContain(incident.ref);
    await setImpactedServices(acme.commander, incident.id, { serviceIds: [] });
    expect((await deleteService(acme.admin, svc.id)).deleted.name).toBe("Gift cards");
  });
});

describe("dependencies", () => {
  let web: string;
  let cart: string;
  let psp: string;

  beforeAll(async () => {
    web = (await createService(acme.admin, { name: "Web", teamId: checkout })).id;
    cart = (await createService(acme.admin, { name: "Basket", teamId: checkout })).id;
    psp = (await createService(acme.admin, { name: "PSP adapter", teamId: payments })).id;
  });

  it("are added, shown from both ends, toggled and removed", async () => {
    const { dependency, created } = await addDependency(acme.commander, web, { toId: cart });
    expect(created).toBe(true);
    expect(dependency).toMatchObject({ from: { name: "Web" }, to: { name: "Basket" }, isAsync: false, isCritical: true });
    expect((await getService(acme.viewer, web)).dependsOn.map((d) => d.service.name)).toEqual(["Basket"]);
    expect((await getService(acme.viewer, cart)).dependedBy).toMatchObject([
      { id: dependency.id, service: { name: "Web", team: { name: "Checkout" } } },
    ]);

    expect(await updateDependency(acme.commander, dependency.id, { isAsync: true, isCritical: false })).toMatchObject({
      isAsync: true,
      isCritical: false,
    });
    expect(await removeDependency(acme.commander, dependency.id)).toEqual({ deleted: { id: dependency.id, name: "Web → Basket" } });
    expect((await getService(acme.viewer, web)).dependsOn).toEqual([]);
    expect(await auditCount(dependency.id)).toBe(3);
  });

  it("allow cycles", async () => {
    await addDependency(acme.admin, cart, { toId: psp });
    const back = await addDependency(acme.admin, psp, { toId: cart, isAsync: true });
    expect(back.created).toBe(true);
    const detail = await getService(acme.viewer, cart);
    expect(detail.dependsOn.map((d) => d.service.name)).toEqual(["PSP adapter"]);
    expect(detail.dependedBy.map((d) => d.service.name)).toEqual(["PSP adapter"]);
  });

  it("are idempotent: adding an existing edge updates its flags and stores it once", async () => {
    const first = await addDependency(acme.admin, web, { toId: psp });
    const again = await addDependency(acme.admin, web, { toId: psp, isCritical: false });
    expect(again).toMatchObject({ created: false, dependency: { id: first.dependency.id, isCritical: false, isAsync: false } });
    expect(await db().serviceDependency.count({ where: { fromId: web, toId: psp } })).toBe(1);
  });

  it("refuse a service depending on itself, naming it", async () => {
    const error = await appErrorOf(addDependency(acme.admin, cart, { toId: cart }));
    expect(error.status).toBe(422);
    expect(messageFor(error, "toId")).toBe('"Basket" cannot depend on itself');
  });

  it("refuse an unknown service, or another organisation's", async () => {
    const ghost = randomUUID();
    const error = await appErrorOf(addDependency(acme.admin, web, { toId: ghost }));
    expect(error.status).toBe(422);
    expect(messageFor(error, "toId")).toBe(`unknown service ${ghost}`);
    const theirs = await createService(globex.admin, { name: "Globex web", teamId: (await listTeams(globex.admin))[0]?.id ?? "" });
    expect(fieldsOf(await appErrorOf(addDependency(acme.admin, web, { toId: theirs.id })))).toEqual(["toId"]);
    expect(fieldsOf(await appErrorOf(addDependency(acme.admin, web, { toId: "not-an-id" })))).toEqual(["toId"]);
    expect(await db().serviceDependency.count({ where: { toId: theirs.id } })).toBe(0);
  });

  it("go when either end is deleted", async () => {
    const doomed = (await createService(acme.admin, { name: "Doomed", teamId: payments })).id;
    await addDependency(acme.admin, web, { toId: doomed });
    await addDependency(acme.admin, doomed, { toId: psp });
    await deleteService(acme.admin, doomed);
    expect(await db().serviceDependency.count({ where: { OR: [{ fromId: doomed }, { toId: doomed }] } })).toBe(0);
  });
});

describe("who may edit", () => {
  it("a viewer or a responder reads everything but changes nothing (403)", async () => {
    const svc = (await listCatalogServices(acme.viewer))[0];
    if (!svc) throw new Error("no services");
    const edge = (await db().serviceDependency.findFirstOrThrow({ where: { from: { organizationId: acme.id } } })).id;
    for (const actor of [acme.viewer, acme.responder]) {
      expect((await getTeam(actor, payments)).name).toBe("Payments");
      expect((await getService(actor, svc.id)).name).toBe(svc.name);
      const attempts = [
        () => createTeam(actor, { name: "Nope" }),
        () => updateTeam(actor, payments, { name: "Nope" }),
        () => deleteTeam(actor, checkout),
        () => createService(actor, { name: "Nope", teamId: payments }),
        () => updateService(actor, svc.id, { tier: 3 }),
        () => deleteService(actor, svc.id),
        () => addDependency(actor, svc.id, { toId: svc.id }),
        () => updateDependency(actor, edge, { isAsync: true }),
        () => removeDependency(actor, edge),
      ];
      // One at a time, each started only when awaited.
      for (const attempt of attempts) expect((await appErrorOf(attempt())).status).toBe(403);
    }
    expect((await getTeam(acme.admin, payments)).name).toBe("Payments");
  });

  it("another organisation's teams, services and dependencies are 404 for reading and writing", async () => {
    const svc = (await listCatalogServices(acme.admin))[0];
    if (!svc) throw new Error("no services");
    const edge = (await db().serviceDependency.findFirstOrThrow({ where: { from: { organizationId: acme.id } } })).id;
    const other = globex.admin;
    const attempts = [
      () => getTeam(other, payments),
      () => updateTeam(other, payments, { name: "Mine" }),
      () => deleteTeam(other, payments),
      () => getService(other, svc.id),
      () => updateService(other, svc.id, { tier: 3 }),
      () => deleteService(other, svc.id),
      () => addDependency(other, svc.id, { toId: svc.id }),
      () => updateDependency(other, edge, { isAsync: true }),
      () => removeDependency(other, edge),
      () => getService(other, "not-a-uuid"),
    ];
    for (const attempt of attempts) expect((await appErrorOf(attempt())).status).toBe(404);
    expect((await listTeams(other)).map((t) => t.name)).not.toContain("Checkout");
    expect((await getTeam(acme.admin, payments)).name).toBe("Payments");
  });
});

describe("over HTTP", () => {
  it("answers with the documented statuses and shapes", async () => {
    const cookie = { cookie: await sessionCookie(acme.commander.userId) };
    const team = await callRoute(teamsRoute.POST, {
      method: "POST",
      headers: cookie,
      body: { name: "Marketplace", onCall: ["Kai +1 555 0111"] },
    });
    expect(team).toMatchObject({ status: 201, body: { name: "Marketplace", onCall: ["Kai +1 555 0111"], services: [] } });
    const teamId = (team.body as { id: string }).id;
    expect((await callRoute(teamsRoute.GET, { headers: cookie })).body).toMatchObject({
      teams: expect.arrayContaining([expect.objectContaining({ name: "Marketplace" })]),
    });
    expect(
      await callRoute<{ id: string }>(teamRoute.PATCH, {
        method: "PATCH",
        headers: cookie,
        params: { id: teamId },
        body: { escalationContact: "Head of Marketplaces" },
      }),
    ).toMatchObject({
      status: 200,
      body: { escalationContact: "Head of Marketplaces" },
    });

    const a = await callRoute(servicesRoute.POST, {
      method: "POST",
      headers: cookie,
      body: { name: "Listings sync", teamId, kind: "feed", tier: 2 },
    });
    const b = await callRoute(servicesRoute.POST, { method: "POST", headers: cookie, body: { name: "Listings API", teamId, kind: "api" } });
    expect([a.status, b.status]).toEqual([201, 201]);
    const [aId, bId] = [(a.body as { id: string }).id, (b.body as { id: string }).id];
    // The pickers' list keeps its shape.
    const picker = await callRoute(servicesRoute.GET, { headers: cookie });
    expect((picker.body as { services: unknown[] }).services).toContainEqual({
      id: aId,
      name: "Listings sync",
      tier: 2,
      team: { id: teamId, name: "Marketplace" },
    });

    const add = () =>
      callRoute<{ id: string }>(serviceDependenciesRoute.POST, {
        method: "POST",
        headers: cookie,
        params: { id: aId },
        body: { toId: bId, isAsync: true },
      });
    const added = await add();
    expect(added).toMatchObject({ status: 201, body: { from: { id: aId }, to: { id: bId }, isAsync: true, isCritical: true } });
    expect((await add()).status).toBe(200);
    const edgeId = (added.body as { id: string }).id;
    expect(
      await callRoute<{ id: string }>(dependencyRoute.PATCH, {
        method: "PATCH",
        headers: cookie,
        params: { id: edgeId },
        body: { isCritical: false },
      }),
    ).toMatchObject({ status: 200, body: { isCritical: false } });
    expect(await callRoute<{ id: string }>(serviceRoute.GET, { headers: cookie, params: { id: bId } })).toMatchObject({
      status: 200,
      body: { dependedBy: [{ id: edgeId, service: { name: "Listings sync" } }] },
    });

    const self = await callRoute<{ id: string }>(serviceDependenciesRoute.POST, {
      method: "POST",
      headers: cookie,
      params: { id: aId },
      body: { toId: aId },
    });
    expect(self).toMatchObject({
      status: 422,
      body: {
        error: { code: "validation_failed", details: { fields: [{ field: "toId", message: '"Listings sync" cannot depend on itself' }] } },
      },
    });
    expect((await callRoute<{ id: string }>(serviceRoute.GET, { headers: cookie, params: { id: "nope" } })).status).toBe(404);
    expect((await callRoute<{ id: string }>(teamRoute.DELETE, { method: "DELETE", headers: cookie, params: { id: teamId } })).status).toBe(
      409,
    );
    expect((await callRoute(servicesRoute.POST, { method: "POST", headers: cookie, body: "{not json" })).status).toBe(400);

    expect(
      await callRoute<{ id: string }>(dependencyRoute.DELETE, { method: "DELETE", headers: cookie, params: { id: edgeId } }),
    ).toMatchObject({ status: 200, body: { deleted: { id: edgeId, name: "Listings sync → Listings API" } } });
    for (const id of [aId, bId])
      expect((await callRoute<{ id: string }>(serviceRoute.DELETE, { method: "DELETE", headers: cookie, params: { id } })).status).toBe(
        200,
      );
    expect(await callRoute<{ id: string }>(teamRoute.DELETE, { method: "DELETE", headers: cookie, params: { id: teamId } })).toMatchObject({
      status: 200,
      body: { deleted: { name: "Marketplace" } },
    });
  });

  it("refuses a viewer with 403 and a stranger with 401", async () => {
    const viewer = { cookie: await sessionCookie(acme.viewer.userId) };
    const res = await callRoute(servicesRoute.POST, { method: "POST", headers: viewer, body: { name: "Nope", teamId: payments } });
    expect(res).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect((await callRoute(teamsRoute.GET, {})).status).toBe(401);
  });
});
