import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client.ts";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import { setIncidentRole, setResponder } from "../../lib/incidents/set-incident-role.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
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

/** The system entries written after `afterSeq`, as "kind: body". */
async function entriesAfter(incident: IncidentDto, afterSeq: number) {
  const page = await listEvents(acme.commander, incident.id, { after: afterSeq });
  return page.events.map((e) => ({ kind: e.kind, body: e.body, data: e.data }));
}

async function seqOf(incidentId: string) {
  return (await db().incident.findUniqueOrThrow({ where: { id: incidentId } })).lastSeq;
}

async function service(org: SeededOrganization, name: string) {
  const team = await db().team.create({ data: { organizationId: org.id, name: `${name} team` } });
  return db().service.create({ data: { organizationId: org.id, name, teamId: team.id } });
}

describe("status and severity", () => {
  it("walks the lifecycle, logging every step with from → to, and re-opens", async () => {
    const incident = await seedIncident(acme.commander);
    const identified = await updateIncident(acme.commander, incident.id, { status: "identified", severity: "SEV1" });
    expect(identified).toMatchObject({ status: "identified", severity: "SEV1", resolvedAt: null });
    const resolved = await updateIncident(acme.commander, incident.id, { status: "resolved" });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.mitigatedAt).not.toBeNull();
    // Stamped to the whole second: a key-time input (seconds) can put it back exactly.
    expect(resolved.resolvedAt).toMatch(/:\d\d\.000Z$/);
    const reopened = await updateIncident(acme.commander, incident.id, { status: "mitigating" });
    expect(reopened.resolvedAt).toBeNull();

    expect(await entriesAfter(incident, 1)).toEqual([
      {
        kind: "status_change",
        body: "Status: Investigating → Identified",
        data: { field: "status", from: "investigating", to: "identified" },
      },
      { kind: "severity_change", body: "Severity: SEV2 → SEV1", data: { field: "severity", from: "SEV2", to: "SEV1" } },
      { kind: "status_change", body: "Resolved: Identified → Resolved", data: expect.objectContaining({ to: "resolved" }) },
      expect.objectContaining({ kind: "status_change", body: expect.stringMatching(/^Mitigated time: /) }),
      expect.objectContaining({ kind: "status_change", body: expect.stringMatching(/^Resolved time: /) }),
      // The re-open is its own entry and keeps the first resolution (when, after how long).
      {
        kind: "status_change",
        body: expect.stringMatching(/^Re-opened: Resolved → Mitigating \(first resolved \d+ \w+, \d\d:\d\d:\d\d UTC, after \d+s\)$/),
        data: { field: "status", from: "resolved", to: "mitigating", resolvedAt: resolved.resolvedAt },
      },
      expect.objectContaining({ kind: "status_change", body: expect.stringMatching(/^Resolved time: not set/) }),
    ]);
  });

  it("lets only the incident's commander or a commander-level role run it", async () => {
    const incident = await seedIncident(acme.commander);
    const before = await seqOf(incident.id);
    const denied = await appErrorOf(updateIncident(acme.responder, incident.id, { status: "identified" }));
    expect(denied).toMatchObject({ code: "forbidden", status: 403 });
    expect(await seqOf(incident.id)).toBe(before);
    // A responder who declared it is in command of it.
    const own = await seedIncident(acme.responder);
    expect((await updateIncident(acme.responder, own.id, { status: "identified" })).status).toBe("identified");
    expect(await appErrorOf(updateIncident(acme.viewer, own.id, { summary: "x" }))).toMatchObject({ code: "forbidden" });
  });

  it("queues concurrent changes so every logged 'from' is the real previous value", async () => {
    const incident = await seedIncident(acme.commander);
    await Promise.all(
      (["SEV1", "SEV3", "SEV4", "SEV1", "SEV2"] as const).map((severity) => updateIncident(acme.admin, incident.id, { severity })),
    );
    const changes = (await entriesAfter(incident, 1)).map((e) => e.data as { from: string; to: string });
    for (let i = 1; i < changes.length; i++) expect(changes[i]?.from).toBe(changes[i - 1]?.to);
    expect(changes[0]?.from).toBe("SEV2");
  });

  it("rejects unknown fields, empty changes and bad values, naming them, writing nothing", async () => {
    const incident = await seedIncident(acme.commander);
    const before = await seqOf(incident.id);
    expect(fieldsOf(await appErrorOf(updateIncident(acme.commander, incident.id, { status: "done" })))).toEqual(["status"]);
    expect((await appErrorOf(updateIncident(acme.commander, incident.id, { colour: "red" }))).status).toBe(422);
    expect((await appErrorOf(updateIncident(acme.commander, incident.id, {}))).status).toBe(422);
    expect(fieldsOf(await appErrorOf(updateIncident(acme.commander, incident.id, { tags: ["ok", "not ok!"] })))).toEqual(["tags.1"]);
    expect(await seqOf(incident.id)).toBe(before);
  });

  it("a change that changes nothing writes nothing: no entry, no audit row, no message, no push", async () => {
    const incident = await seedIncident(acme.commander);
    const current = await updateIncident(acme.commander, incident.id, { status: "identified", severity: "SEV2", tags: ["checkout"] });
    const seq = await seqOf(incident.id);
    const audits = await db().auditLog.count({ where: { entityId: incident.id } });
    const queued = await db().outboundDelivery.count({ where: { incidentId: incident.id } });
    // The same values again, as a retried request or a form saved unchanged would send them.
    const same = await updateIncident(acme.commander, incident.id, {
      status: "identified",
      severity: "SEV2",
      tags: ["checkout"],
      title: current.title,
      summary: current.summary,
      startedAt: current.startedAt,
    });
    expect(same).toEqual(current);
    expect(await seqOf(incident.id)).toBe(seq);
    expect(await db().auditLog.count({ where: { entityId: incident.id } })).toBe(audits);
    expect(await db().outboundDelivery.count({ where: { incidentId: incident.id } })).toBe(queued);
    // A real change after it is still recorded.
    await updateIncident(acme.commander, incident.id, { severity: "SEV1" });
    expect(await seqOf(incident.id)).toBe(seq + 1);
  });

  it("keeps other organisations' incidents out of reach", async () => {
    const incident = await seedIncident(acme.commander);
    expect(await appErrorOf(updateIncident(globex.admin, incident.id, { status: "resolved" }))).toMatchObject({ code: "not_found" });
  });
});

describe("key times", () => {
  it("records edits in the timeline and refuses times out of order or in the future", async () => {
    const incident = await seedIncident(acme.commander);
    const started = new Date(Date.parse(incident.startedAt) - 30 * 60_000).toISOString();
    const detected = new Date(Date.parse(incident.startedAt) - 20 * 60_000).toISOString();
    const updated = await updateIncident(acme.commander, incident.id, { startedAt: started, detectedAt: detected });
    expect(updated).toMatchObject({ startedAt: started, detectedAt: detected });
    expect((await entriesAfter(incident, 1)).map((e) => (e.data as { field: string }).field)).toEqual(["startedAt", "detectedAt"]);

    const before = await seqOf(incident.id);
    const early = new Date(Date.parse(started) - 60_000).toISOString();
    const outOfOrder = await appErrorOf(updateIncident(acme.commander, incident.id, { resolvedAt: early }));
    expect(fieldsOf(outOfOrder)).toEqual(["resolvedAt"]);
    const future = await appErrorOf(
      updateIncident(acme.commander, incident.id, { mitigatedAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    expect(fieldsOf(future)).toEqual(["mitigatedAt"]);
    expect(await seqOf(incident.id)).toBe(before);
  });
});

describe("roles", () => {
  it("hands over command explicitly, and the new commander can run the incident", async () => {
    const incident = await seedIncident(acme.commander);
    const handed = await setIncidentRole(acme.commander, incident.id, { role: "commander", userId: acme.responder.userId });
    expect(handed.commander?.id).toBe(acme.responder.userId);
    expect((await entriesAfter(incident, 1))[0]).toMatchObject({
      kind: "role_change",
      body: `${acme.commander.name} handed command to ${acme.responder.name}`,
    });
    expect((await updateIncident(acme.responder, incident.id, { status: "mitigating" })).status).toBe("mitigating");
    const lead = await setIncidentRole(acme.responder, incident.id, { role: "comms_lead", userId: acme.admin.userId });
    expect(lead.commsLead?.id).toBe(acme.admin.userId);
  });

  it("refuses viewers, strangers and an empty command, naming userId", async () => {
    const incident = await seedIncident(acme.commander);
    const viewer = await appErrorOf(setIncidentRole(acme.commander, incident.id, { role: "scribe", userId: acme.viewer.userId }));
    expect(fieldsOf(viewer)).toEqual(["userId"]);
    const stranger = await appErrorOf(setIncidentRole(acme.commander, incident.id, { role: "scribe", userId: globex.responder.userId }));
    expect(fieldsOf(stranger)).toEqual(["userId"]);
    expect(fieldsOf(await appErrorOf(setIncidentRole(acme.commander, incident.id, { role: "commander", userId: null })))).toEqual([
      "userId",
    ]);
    expect(await appErrorOf(setIncidentRole(acme.responder, incident.id, { role: "scribe", userId: acme.responder.userId }))).toMatchObject(
      { code: "forbidden" },
    );
  });

  it("lets people join as responders themselves; only commanders add or remove others", async () => {
    const incident = await seedIncident(acme.commander);
    const joined = await setResponder(acme.responder, incident.id, { userId: acme.responder.userId }, true);
    expect(joined.responders.map((r) => r.id)).toEqual([acme.responder.userId]);
    expect(await appErrorOf(setResponder(acme.responder, incident.id, { userId: acme.admin.userId }, true))).toMatchObject({
      code: "forbidden",
    });
    const removed = await setResponder(acme.commander, incident.id, { userId: acme.responder.userId }, false);
    expect(removed.responders).toEqual([]);
    expect((await entriesAfter(incident, 1)).map((e) => e.body)).toEqual([
      `${acme.responder.name} joined as responder`,
      `${acme.commander.name} removed ${acme.responder.name} as responder`,
    ]);
  });

  it("lets the communications lead, and nobody else below commander, set what customers see", async () => {
    const incident = await seedIncident(acme.commander);
    await setIncidentRole(acme.commander, incident.id, { role: "comms_lead", userId: acme.responder.userId });
    const updated = await updateIncident(acme.responder, incident.id, { customerStatus: "Card payments may fail; retry shortly" });
    expect(updated.customerStatus).toBe("Card payments may fail; retry shortly");
    const other = await seedIncident(acme.commander);
    expect(await appErrorOf(updateIncident(acme.responder, other.id, { customerStatus: "x" }))).toMatchObject({ code: "forbidden" });
  });
});

describe("impacted services", () => {
  it("replaces the set, logging what was added and removed; refuses unknown services", async () => {
    const psp = await service(acme, `Payment gateway ${Date.now()}`);
    const oms = await service(acme, `OMS ${Date.now()}`);
    const foreign = await service(globex, `Globex PSP ${Date.now()}`);
    const incident = await seedIncident(acme.commander);
    const first = await setImpactedServices(acme.responder, incident.id, { serviceIds: [psp.id, oms.id] });
    // Same tier: by name.
    expect(first.services.map((s) => s.name)).toEqual([oms.name, psp.name]);
    const second = await setImpactedServices(acme.responder, incident.id, { serviceIds: [oms.id] });
    expect(second.services.map((s) => s.id)).toEqual([oms.id]);
    expect((await entriesAfter(incident, 1)).map((e) => [e.kind, e.body])).toEqual([
      ["impact_change", `Impacted: ${psp.name}, ${oms.name}`],
      ["impact_change", `No longer impacted: ${psp.name}`],
    ]);
    const before = await seqOf(incident.id);
    expect(fieldsOf(await appErrorOf(setImpactedServices(acme.responder, incident.id, { serviceIds: [foreign.id] })))).toEqual([
      "serviceIds",
    ]);
    expect(await seqOf(incident.id)).toBe(before);
  });
});
