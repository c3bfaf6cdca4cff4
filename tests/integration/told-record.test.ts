import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { type Actor } from "../../lib/auth/actor.ts";
import { getIncidentImpact } from "../../lib/impact/get-incident-impact.ts";
import { getTriage } from "../../lib/incidents/get-triage.ts";
import { getIncidentBlastRadius } from "../../lib/incidents/get-blast-radius.ts";
import { getIncidentOrThrow } from "../../lib/incident-record/get-incident.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import { getInsights } from "../../lib/insights/get-insights.ts";
import { collectFacts } from "../../lib/postmortems/draft.ts";
import { loadIncidentRecord } from "../../lib/postmortems/load-incident-record.ts";
import { seedDemo } from "../../lib/seed/seed-demo.ts";
import { buildComposerEntry, parseComposerInput } from "../../lib/timeline/composer-input.ts";
import { amendEvent } from "../../lib/timeline/amend-event.ts";
import { postEventAsUser } from "../../lib/timeline/post-event-as-user.ts";
import { recordNotification } from "../../lib/timeline/record-notification.ts";
import { appErrorOf, fieldsOf } from "../helpers/app-error.ts";
import { seedIncident, seedOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

// Issue #18 item 1: `/notify Fulfillment …` and the panel's "Mark told…" are one record, and the
// room's "Teams to tell", triage, the post-mortem draft all read it.

let testDb: TestDatabase;
let commander: Actor;
let responder: Actor;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(testDb.database.prisma);
  const p = testDb.database.prisma;
  commander = await resolveActor((await p.user.findUniqueOrThrow({ where: { email: "commander@warroom.local" } })).id);
  responder = await resolveActor((await p.user.findUniqueOrThrow({ where: { email: "responder@warroom.local" } })).id);
});
afterAll(() => testDb.close());

async function paymentsIncident(): Promise<string> {
  const incident = await seedIncident(commander, { title: `PSP timeouts ${Math.random().toString(36).slice(2, 8)}`, severity: "SEV1" });
  const psp = await testDb.database.prisma.service.findFirstOrThrow({ where: { name: "Payment gateway adapter" } });
  await setImpactedServices(commander, incident.id, { serviceIds: [psp.id] });
  return incident.id;
}

const stateOf = async (incidentId: string, team: string) =>
  (await getIncidentBlastRadius(commander, incidentId)).teams.find((t) => t.team.name === team)?.notification ?? null;

describe("one notion of told", () => {
  it("a typed /notify (the browser's fast path, no team id) counts in the room, triage and the post-mortem", async () => {
    const incidentId = await paymentsIncident();
    expect(await stateOf(incidentId, "Fulfillment")).toBeNull();

    // Exactly what the composer posts when the team list is not at hand: the name as typed.
    const entry = buildComposerEntry(parseComposerInput("/notify fulfillment on-call via phone: pause stock pushes", "note"));
    if (!entry.ok) throw new Error(entry.error);
    const { event } = await postEventAsUser({ userId: responder.userId, version: 0 }, incidentId, {
      kind: entry.kind,
      body: entry.body,
      data: entry.data,
    });
    const fulfillment = await testDb.database.prisma.team.findFirstOrThrow({
      where: { name: "Fulfillment", organizationId: commander.organizationId },
    });
    expect(event.data).toMatchObject({ teamId: fulfillment.id, target: "Fulfillment", channel: "phone" });

    expect(await stateOf(incidentId, "Fulfillment")).toMatchObject({ seq: event.seq, channel: "phone", by: { id: responder.userId } });
    const row = (await getTriage(commander)).incidents.find((r) => r.incident.id === incidentId);
    expect(row).toBeDefined();
    expect(row?.teamsNotNotified.map((t) => t.name)).not.toContain("Fulfillment");
    expect(row?.teamsNotNotified.map((t) => t.name)).toContain("Storefront");

    // Acknowledged through the timeline entry: the panel and the draft say so too.
    await amendEvent(responder, incidentId, event.seq, { data: { acknowledgedAt: new Date().toISOString() } });
    const facts = collectFacts(await loadIncidentRecord(commander, await getIncidentOrThrow(commander, incidentId)));
    expect(facts.teams.find((t) => t.name === "Fulfillment")).toMatchObject({
      notifiedAt: event.occurredAt,
      acknowledgedAt: expect.any(String),
    });
    expect(facts.notifications).toContainEqual(expect.objectContaining({ target: "Fulfillment", channel: "phone" }));
  });

  it("the panel's record (team id) and a page (channel pager) are the same shape through recordNotification", async () => {
    const incidentId = await paymentsIncident();
    const payments = await testDb.database.prisma.team.findFirstOrThrow({
      where: { name: "Payments", organizationId: commander.organizationId },
    });
    const byId = await recordNotification(commander, incidentId, { team: { id: payments.id }, channel: "pager" });
    expect(byId.event).toMatchObject({
      kind: "notification",
      body: "Told Payments by pager",
      data: { teamId: payments.id, target: "Payments", channel: "pager", acknowledgedAt: null },
    });
    const byName = await recordNotification(commander, incidentId, { team: { name: "checkout team" }, channel: "chat", body: "Heads up" });
    expect(byName.event.data).toMatchObject({ target: "Checkout", channel: "chat" });
    expect(await stateOf(incidentId, "Checkout")).toMatchObject({ seq: byName.event.seq });
  });

  it("an unknown team is a 422 naming it and the teams there are; nothing is written", async () => {
    const incidentId = await paymentsIncident();
    const count = () => testDb.database.prisma.timelineEvent.count({ where: { incidentId } });
    const before = await count();
    const err = await appErrorOf(
      postEventAsUser({ userId: responder.userId, version: 0 }, incidentId, {
        kind: "notification",
        body: "x",
        data: { target: "Fulfilment", channel: "phone" },
      }),
    );
    expect(err.status).toBe(422);
    expect(fieldsOf(err)).toEqual(["data.target"]);
    expect(err.message).toContain("No team named “Fulfilment”");
    expect(err.message).toContain("Fulfillment");
    // Another organisation's team is not yours to tell, by id or by name.
    const other = await seedOrganization("Elsewhere");
    const theirs = await testDb.database.prisma.team.create({ data: { organizationId: other.id, name: "Ghost team" } });
    expect(fieldsOf(await appErrorOf(recordNotification(commander, incidentId, { team: { id: theirs.id }, channel: "chat" })))).toEqual([
      "data.teamId",
    ]);
    expect(fieldsOf(await appErrorOf(recordNotification(commander, incidentId, { team: { name: "Ghost" }, channel: "chat" })))).toEqual([
      "data.target",
    ]);
    expect(await count()).toBe(before);
  });
});

describe("response cost", () => {
  it("counts a second person posting, not only the role holder (#18 item 8)", async () => {
    const incidentId = await paymentsIncident();
    expect((await getIncidentImpact(commander, incidentId)).responseCost.people).toBe(1);
    await postEventAsUser({ userId: responder.userId, version: 0 }, incidentId, { kind: "note", body: "Gateway p99 at 30 s" });
    expect((await getIncidentImpact(commander, incidentId)).responseCost.people).toBe(2);
  });

  it("insights count the same record: told within 15 min, told later, never told", async () => {
    const telling = async () => (await getInsights(commander, { weeks: "4" })).telling;
    const before = await telling();
    const soon = await paymentsIncident();
    const late = await paymentsIncident();
    // The second incident started an hour ago: a team told now was told late.
    await testDb.database.prisma.incident.update({ where: { id: late }, data: { startedAt: new Date(Date.now() - 60 * 60_000) } });
    const added = await telling();
    const radius = (await getIncidentBlastRadius(commander, soon)).teams.length;
    expect(radius).toBeGreaterThan(1);
    expect(added.teamsToTell - before.teamsToTell).toBe(2 * radius);
    expect(added.neverTold - before.neverTold).toBe(2 * radius);

    // The composer's typed /notify on one, the panel's record on the other: both count.
    const entry = buildComposerEntry(parseComposerInput("/notify fulfillment via phone: pause stock pushes", "note"));
    if (!entry.ok) throw new Error(entry.error);
    await postEventAsUser({ userId: responder.userId, version: 0 }, soon, { kind: entry.kind, body: entry.body, data: entry.data });
    const fulfillment = await testDb.database.prisma.team.findFirstOrThrow({
      where: { name: "Fulfillment", organizationId: commander.organizationId },
    });
    await recordNotification(commander, late, { team: { id: fulfillment.id }, channel: "chat" });
    const after = await telling();
    expect(after.withinMinutes).toBe(15);
    expect(after.toldInTime - added.toldInTime).toBe(1);
    expect(after.toldLater - added.toldLater).toBe(1);
    expect(after.neverTold - added.neverTold).toBe(-2);
  });
});
