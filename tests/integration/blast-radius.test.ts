import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { type Actor } from "../../lib/auth/actor.ts";
import { getBlastRadii, getIncidentBlastRadius } from "../../lib/incidents/get-blast-radius.ts";
import { getTriage } from "../../lib/incidents/get-triage.ts";
import { declareIncident } from "../../lib/incidents/declare-incident.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import { amendEvent } from "../../lib/timeline/amend-event.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { seedDemo } from "../../lib/seed/seed-demo.ts";
import { appErrorOf } from "../helpers/app-error.ts";
import { seedOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let commander: Actor;
let incidentId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(testDb.database.prisma);
  const p = testDb.database.prisma;
  const user = await p.user.findUniqueOrThrow({ where: { email: "commander@warroom.local" } });
  commander = await resolveActor(user.id);
  incidentId = (await p.incident.findFirstOrThrow({ where: { organizationId: commander.organizationId } })).id;
});
afterAll(() => testDb.close());

describe("an incident's blast radius on the demo map", () => {
  it("lists the teams to tell when the payment gateway fails, with the path that says why", async () => {
    const psp = await testDb.database.prisma.service.findFirstOrThrow({ where: { name: "Payment gateway adapter" } });
    await setImpactedServices(commander, incidentId, { serviceIds: [psp.id] });
    const radius = await getIncidentBlastRadius(commander, incidentId);

    expect(radius.impacted.map((s) => s.name)).toEqual(["Payment gateway adapter"]);
    const teams = Object.fromEntries(radius.teams.map((t) => [t.team.name, t]));
    expect(radius.teams[0]?.team.name).toBe("Payments");
    expect(teams.Payments?.owns).toEqual(["Payment gateway adapter"]);
    expect(teams.Checkout?.affectedVia).toContainEqual({ service: "Checkout API", path: ["Checkout API", "Payment gateway adapter"] });
    expect(teams.Fulfillment?.affectedVia).toContainEqual({ service: "OMS", path: ["OMS", "Payment gateway adapter"] });
    expect(teams.Fulfillment?.affectedVia).toContainEqual({ service: "Returns API", path: ["Returns API", "Payment gateway adapter"] });
    expect(teams.Storefront?.affectedVia[0]?.path).toEqual(["Storefront", "Checkout API", "Payment gateway adapter"]);
    // Search & Feeds only reads PIM and inventory: not in the blast radius.
    expect(teams["Search & Feeds"]).toBeUndefined();
    expect(radius.journeys).toEqual(expect.arrayContaining(["checkout", "payment", "returns"]));
  });

  it("shows who told each team, when and how, and when the team acknowledged", async () => {
    const p = testDb.database.prisma;
    const psp = await p.service.findFirstOrThrow({ where: { name: "Payment gateway adapter" } });
    const fulfillment = await p.team.findFirstOrThrow({ where: { name: "Fulfillment" } });
    await setImpactedServices(commander, incidentId, { serviceIds: [psp.id] });
    const before = await getIncidentBlastRadius(commander, incidentId);
    expect(before.teams.find((t) => t.team.name === "Fulfillment")?.notification).toBeNull();

    const data = { target: "Fulfillment", teamId: fulfillment.id, channel: "phone" };
    const { event } = await postEvent(commander, incidentId, { kind: "notification", body: "Told Fulfillment (phone)", data });
    const told = (await getIncidentBlastRadius(commander, incidentId)).teams.find((t) => t.team.name === "Fulfillment")?.notification;
    expect(told).toMatchObject({ seq: event.seq, by: { id: commander.userId }, channel: "phone", acknowledgedAt: null });

    const ackAt = new Date().toISOString();
    await amendEvent(commander, incidentId, event.seq, { data: { ...data, acknowledgedAt: ackAt } });
    const acked = (await getIncidentBlastRadius(commander, incidentId)).teams.find((t) => t.team.name === "Fulfillment")?.notification;
    expect(acked?.acknowledgedAt).toBe(ackAt);
    // The demo seed told Checkout; Storefront is still waiting to be told.
    const now = (await getIncidentBlastRadius(commander, incidentId)).teams;
    expect(now.find((t) => t.team.name === "Checkout")?.notification).toMatchObject({
      channel: "chat",
      acknowledgedAt: expect.any(String),
    });
    expect(now.find((t) => t.team.name === "Storefront")?.notification).toBeNull();
  });

  it("computed for many incidents at once, each one is what it is alone (and triage reads it)", async () => {
    const p = testDb.database.prisma;
    await declareIncident(commander, { title: "Product feeds four hours behind", severity: "SEV3" });
    const open = await p.incident.findMany({
      where: { organizationId: commander.organizationId, status: { not: "resolved" } },
      select: { id: true },
    });
    const psp = await p.service.findFirstOrThrow({ where: { name: "Payment gateway adapter" } });
    const pim = await p.service.findFirstOrThrow({ where: { name: "PIM" } });
    await setImpactedServices(commander, incidentId, { serviceIds: [psp.id] });
    const second = open.find((i) => i.id !== incidentId);
    if (!second) throw new Error("the test needs a second open incident");
    await setImpactedServices(commander, second.id, { serviceIds: [pim.id] });
    const ids = open.map((i) => i.id);
    expect(ids.length).toBeGreaterThan(1);
    const all = await getBlastRadii(commander, [...ids, "not-a-uuid"]);
    expect([...all.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(all.get(id)).toEqual(await getIncidentBlastRadius(commander, id));
    // Two incidents on different services have different teams to tell: nothing leaks between rows.
    expect(all.get(second.id)?.teams.map((t) => t.team.name)).not.toEqual(all.get(incidentId)?.teams.map((t) => t.team.name));
    const triage = await getTriage(commander);
    for (const row of triage.incidents) {
      const teams = all.get(row.incident.id)?.teams ?? [];
      expect(row.teamsTotal).toBe(teams.length);
      expect(row.teamsNotNotified.map((t) => t.name)).toEqual(teams.filter((t) => !t.notification).map((t) => t.team.name));
    }
    // Another organisation asking for these incidents gets none of them.
    const other = await seedOrganization("Initech");
    expect((await getBlastRadii(other.admin, ids)).size).toBe(0);
  });

  it("is empty with nothing impacted, and hidden from other organisations", async () => {
    await setImpactedServices(commander, incidentId, { serviceIds: [] });
    expect((await getIncidentBlastRadius(commander, incidentId)).teams).toEqual([]);
    const other = await seedOrganization("Globex");
    expect(await appErrorOf(getIncidentBlastRadius(other.admin, incidentId))).toMatchObject({ code: "not_found" });
  });
});
