import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client.ts";
import { declareIncident } from "../../lib/incidents/declare-incident.ts";
import { listIncidents } from "../../lib/incidents/list-incidents.ts";
import { listEvents } from "../../lib/timeline/list-events.ts";
import { appErrorOf, fieldsOf } from "../helpers/app-error.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let acme: SeededOrganization;
let globex: SeededOrganization;

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
});
afterAll(() => testDb.close());

/** Everything a rejected declaration could have left behind. */
async function writeCounts() {
  const org = await db().organization.findUniqueOrThrow({ where: { id: acme.id } });
  return {
    incidents: await db().incident.count(),
    events: await db().timelineEvent.count(),
    audit: await db().auditLog.count(),
    lastIncidentNumber: org.lastIncidentNumber,
  };
}

describe("declaring an incident", () => {
  it("numbers incidents per organisation", async () => {
    const first = await seedIncident(acme.responder);
    const second = await seedIncident(acme.commander);
    const other = await seedIncident(globex.admin);
    expect([first.number, second.number, other.number]).toEqual([1, 2, 1]);
    expect([first.ref, second.ref]).toEqual(["INC-1", "INC-2"]);
  });

  it("opens the timeline with a status change at seq 1, the declarer in command", async () => {
    const incident = await declareIncident(acme.responder, {
      title: "  Inventory sync lagging  ",
      severity: "SEV2",
      summary: "Stock shows 0",
    });
    expect(incident).toMatchObject({
      title: "Inventory sync lagging",
      summary: "Stock shows 0",
      severity: "SEV2",
      status: "investigating",
      lastSeq: 1,
      commander: { id: acme.responder.userId, name: acme.responder.name },
      declaredBy: { id: acme.responder.userId },
    });
    const page = await listEvents(acme.responder, incident.id, {});
    expect(page.events).toHaveLength(1);
    expect(page.events[0]).toMatchObject({ seq: 1, kind: "status_change", author: { id: acme.responder.userId } });
    expect(page.events[0]?.body).toContain(`${acme.responder.name} is incident commander`);
  });

  it("writes who declared what to the audit log", async () => {
    const incident = await seedIncident(acme.admin, { title: "Feed hours behind prices" });
    const audit = await db().auditLog.findMany({ where: { entityId: incident.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      organizationId: acme.id,
      actorId: acme.admin.userId,
      action: "incident.declare",
      entityType: "Incident",
      after: expect.objectContaining({ title: "Feed hours behind prices", number: incident.number }),
    });
  });

  it("rejects bad input naming each field, and writes nothing", async () => {
    const before = await writeCounts();
    const short = await appErrorOf(declareIncident(acme.commander, { title: "ab", severity: "SEV1" }));
    expect(short.status).toBe(422);
    expect(fieldsOf(short)).toEqual(["title"]);
    const both = await appErrorOf(declareIncident(acme.commander, { title: " ", severity: "SEV9" }));
    expect(fieldsOf(both)).toEqual(["title", "severity"]);
    expect(both.message).toContain("severity must be one of SEV1, SEV2, SEV3, SEV4");
    expect(await writeCounts()).toEqual(before);
  });

  it("does not let a viewer declare", async () => {
    const before = await writeCounts();
    const error = await appErrorOf(seedIncident(acme.viewer));
    expect(error).toMatchObject({ code: "forbidden", status: 403 });
    expect(await writeCounts()).toEqual(before);
  });
});

describe("listing incidents", () => {
  it("shows open incidents worst first, resolved ones last, and only the actor's organisation", async () => {
    const initech = await seedOrganization("Initech");
    const ic = initech.commander;
    await seedIncident(ic, { severity: "SEV3", title: "Search facets empty" });
    await seedIncident(ic, { severity: "SEV1", title: "Checkout down" });
    const resolved = await seedIncident(ic, { severity: "SEV1", title: "Old outage" });
    await seedIncident(ic, { severity: "SEV2", title: "Returns API errors" });
    await db().incident.update({ where: { id: resolved.id }, data: { status: "resolved", resolvedAt: new Date() } });

    const titles = (await listIncidents(initech.viewer)).map((i) => i.title);
    expect(titles).toEqual(["Checkout down", "Returns API errors", "Search facets empty", "Old outage"]);
    const acmeTitles = (await listIncidents(acme.viewer)).map((i) => i.title);
    expect(acmeTitles).not.toContain("Checkout down");
    expect(acmeTitles).toContain("Feed hours behind prices");
  });
});
