import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { setIncidentRole } from "../../lib/incidents/set-incident-role.ts";
import { listStakeholderUpdates } from "../../lib/stakeholder/list-stakeholder-updates.ts";
import { postStakeholderUpdate } from "../../lib/stakeholder/post-stakeholder-update.ts";
import { sendDueReminders } from "../../lib/stakeholder/stakeholder-reminders.ts";
import { appErrorOf, fieldsOf } from "../helpers/app-error.ts";
import { startRealtimeServer } from "../helpers/realtime-server.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { seedNotificationChannel } from "../helpers/seed-outbound.ts";
import { makeOverdue, seedStakeholderUpdate } from "../helpers/seed-stakeholder.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { connected, nextEvent } from "../helpers/socket-client.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Stakeholder Retail");
  await db().organization.update({ where: { id: org.id }, data: { timeZone: "Europe/Berlin" } });
});
afterAll(() => testDb.close());

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const written = async (incidentId: string) => ({
  updates: await db().stakeholderUpdate.count({ where: { incidentId } }),
  entries: await db().timelineEvent.count({ where: { incidentId, kind: "stakeholder_update" } }),
});

describe("posting a stakeholder update", () => {
  it("stores the update, writes one timeline entry carrying it, and audits it", async () => {
    const incident = await seedIncident(org.commander);
    const due = inMinutes(30);
    const { update, event } = await seedStakeholderUpdate(org.commander, incident.id, {
      affected: "Card payments fail for about 1 in 3 customers",
      doing: "Switching traffic to the backup payment provider",
      nextUpdateBy: due,
      isPublic: true,
      journeyStatus: { checkout: "partial_outage", payment: "major_outage" },
    });
    expect(update).toMatchObject({
      isPublic: true,
      nextUpdateBy: new Date(due).toISOString(),
      eventSeq: event.seq,
      author: { id: org.commander.userId },
    });
    expect(update.journeyStatus).toEqual({ checkout: "partial_outage", payment: "major_outage" });
    expect(event.kind).toBe("stakeholder_update");
    expect(event.author?.id).toBe(org.commander.userId);
    expect(event.body).toContain("published on the status page");
    expect(event.body).toContain("Affected: Card payments fail for about 1 in 3 customers");
    expect(event.body).toContain("Doing: Switching traffic to the backup payment provider");
    expect(event.body).toContain("Checkout partial outage");
    // Written in the organisation's zone, named.
    expect(event.body).toMatch(/Next update by \d\d:\d\d (CET|CEST|GMT\+1|GMT\+2)/);
    expect(event.data).toMatchObject({ updateId: update.id, isPublic: true });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: update.id } });
    expect(audit).toMatchObject({ action: "stakeholder_update.post", actorId: org.commander.userId });
    expect((await listStakeholderUpdates(org.viewer, incident.id)).map((u) => u.id)).toEqual([update.id]);
  });

  it("queues the update for the channels that follow stakeholder updates, with its text", async () => {
    const channel = await seedNotificationChannel(org.admin, { events: ["stakeholder.update"] });
    const incident = await seedIncident(org.commander);
    await seedStakeholderUpdate(org.commander, incident.id, {
      affected: "Gift cards cannot be redeemed",
      doing: "Rolling back the voucher service",
    });
    const queued = await db().outboundDelivery.findMany({ where: { channelId: channel.id, incidentId: incident.id } });
    expect(queued.map((d) => d.event)).toEqual(["stakeholder.update"]);
    expect(JSON.stringify(queued[0]?.payload)).toContain("Gift cards cannot be redeemed");
  });

  it("lists newest first", async () => {
    const incident = await seedIncident(org.commander);
    const first = await seedStakeholderUpdate(org.commander, incident.id, { affected: "first" });
    const second = await seedStakeholderUpdate(org.commander, incident.id, { affected: "second", nextUpdateBy: null });
    expect((await listStakeholderUpdates(org.responder, incident.id)).map((u) => u.id)).toEqual([second.update.id, first.update.id]);
    expect(second.event.body).toContain("No further update promised");
  });

  it("rejects bad input with a 422 naming the field, and writes nothing", async () => {
    const incident = await seedIncident(org.commander);
    const ok = { affected: "Checkout slow", doing: "Scaling the cart service", nextUpdateBy: inMinutes(15) };
    const cases: [unknown, string][] = [
      [{ ...ok, affected: "  " }, "affected"],
      [{ doing: ok.doing }, "affected"],
      [{ ...ok, doing: "" }, "doing"],
      [{ ...ok, nextUpdateBy: inMinutes(-5) }, "nextUpdateBy"],
      [{ ...ok, nextUpdateBy: inMinutes(25 * 60) }, "nextUpdateBy"],
      [{ ...ok, nextUpdateBy: "tomorrow" }, "nextUpdateBy"],
      [{ ...ok, journeyStatus: { teleport: "degraded" } }, "journeyStatus.teleport"],
      [{ ...ok, journeyStatus: { checkout: "on_fire" } }, "journeyStatus.checkout"],
      [{ ...ok, isPublic: "yes" }, "isPublic"],
    ];
    for (const [body, field] of cases) {
      const error = await appErrorOf(postStakeholderUpdate(org.commander, incident.id, body));
      expect(error.status, field).toBe(422);
      expect(fieldsOf(error), field).toContain(field);
    }
    expect(await written(incident.id)).toEqual({ updates: 0, entries: 0 });
  });

  it("is for the commander, the comms lead and commander-level roles: others are refused (403), other organisations get 404", async () => {
    const incident = await seedIncident(org.commander);
    expect((await appErrorOf(seedStakeholderUpdate(org.viewer, incident.id))).status).toBe(403);
    expect((await appErrorOf(seedStakeholderUpdate(org.responder, incident.id))).status).toBe(403);
    const other = await seedOrganization("Globex");
    expect((await appErrorOf(seedStakeholderUpdate(other.admin, incident.id))).status).toBe(404);
    expect((await appErrorOf(listStakeholderUpdates(other.admin, incident.id))).status).toBe(404);
    expect((await appErrorOf(listStakeholderUpdates(org.viewer, "not-an-id"))).status).toBe(404);
    expect(await written(incident.id)).toEqual({ updates: 0, entries: 0 });

    // Made comms lead, the responder speaks for the incident.
    await setIncidentRole(org.commander, incident.id, { role: "comms_lead", userId: org.responder.userId });
    await seedStakeholderUpdate(org.responder, incident.id);
    await seedStakeholderUpdate(org.admin, incident.id);
    // A responder who declared (so commands) an incident may too.
    const own = await seedIncident(org.responder);
    await seedStakeholderUpdate(org.responder, own.id);
    expect((await written(incident.id)).updates).toBe(2);
  });

  it("pushes the entry and stakeholder:updated to the room after commit", async () => {
    const realtime = await startRealtimeServer();
    const client = realtime.client(await sessionCookie(org.viewer.userId));
    try {
      await connected(client);
      const incident = await seedIncident(org.commander);
      expect((await client.emitWithAck("incident:join", { incidentId: incident.id })).ok).toBe(true);
      const update = nextEvent(client, "stakeholder:updated", (p) => p.incidentId === incident.id);
      const posted = await seedStakeholderUpdate(org.commander, incident.id, { affected: "Search is slow" });
      expect((await update).update).toMatchObject({ id: posted.update.id, affected: "Search is slow" });
      // The reminder is pushed too: the update (now reminded) and the system entry.
      await makeOverdue(posted.update.id);
      const reminded = nextEvent(client, "stakeholder:updated", (p) => p.incidentId === incident.id && p.update.reminderSentAt !== null);
      const entry = nextEvent(client, "timeline:event", (p) => p.incidentId === incident.id && p.event.author === null);
      await sendDueReminders();
      expect((await reminded).update.id).toBe(posted.update.id);
      expect((await entry).event.body).toMatch(/^Stakeholder update overdue/);
    } finally {
      await realtime.close();
    }
  });
});

describe("reminders", () => {
  const reminders = (incidentId: string) =>
    db().timelineEvent.findMany({ where: { incidentId, kind: "stakeholder_update", authorId: null }, orderBy: { seq: "asc" } });

  it("writes one 'overdue' entry per overdue update, even with two tickers at once", async () => {
    const incident = await seedIncident(org.commander);
    const { update } = await seedStakeholderUpdate(org.commander, incident.id);
    expect(await sendDueReminders()).toBe(0);
    const due = await makeOverdue(update.id, 4);
    const sent = await Promise.all([sendDueReminders(), sendDueReminders()]);
    expect(sent[0] + sent[1]).toBeGreaterThanOrEqual(1);
    await sendDueReminders();
    const entries = await reminders(incident.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.body).toMatch(/^Stakeholder update overdue \(was due \d\d:\d\d (CET|CEST|GMT\+1|GMT\+2)\)$/);
    expect(entries[0]?.data).toMatchObject({ reminder: true, updateId: update.id, dueAt: due.toISOString() });
    const row = await db().stakeholderUpdate.findUniqueOrThrow({ where: { id: update.id } });
    expect(row.reminderSentAt).not.toBeNull();
  });

  it("does not remind for an update a newer one replaced, nor for a resolved incident", async () => {
    const replaced = await seedIncident(org.commander);
    const old = await seedStakeholderUpdate(org.commander, replaced.id);
    await seedStakeholderUpdate(org.commander, replaced.id);
    await makeOverdue(old.update.id);

    const resolved = await seedIncident(org.commander);
    const last = await seedStakeholderUpdate(org.commander, resolved.id);
    await updateIncident(org.commander, resolved.id, { status: "resolved" });
    await makeOverdue(last.update.id);

    await sendDueReminders();
    expect(await reminders(replaced.id)).toHaveLength(0);
    expect(await reminders(resolved.id)).toHaveLength(0);
  });
});
