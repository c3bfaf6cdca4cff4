import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { db } from "../../lib/db/client.ts";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { amendEvent } from "../../lib/timeline/amend-event.ts";
import { amendmentOf } from "../../lib/timeline/amendment.ts";
import { listEvents } from "../../lib/timeline/list-events.ts";
import { listRevisions } from "../../lib/timeline/list-revisions.ts";
import { pinEvent } from "../../lib/timeline/pin-event.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { restoreEvent, strikeEvent } from "../../lib/timeline/strike-event.ts";
import { appErrorOf, fieldsOf } from "../helpers/app-error.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
let other: SeededOrganization;
let incident: IncidentDto;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization();
  other = await seedOrganization("Other Shop");
});
afterAll(() => testDb.close());
// A fresh incident per test (seq 1 is the declaration), declared by the commander.
beforeEach(async () => {
  incident = await seedIncident(org.commander);
});

/** What is stored for the incident: everything a rejected change must leave untouched. */
async function snapshot(incidentId: string) {
  const [inc, events, revisions, audits] = await Promise.all([
    db().incident.findUniqueOrThrow({ where: { id: incidentId }, select: { lastSeq: true } }),
    db().timelineEvent.findMany({ where: { incidentId }, orderBy: { seq: "asc" } }),
    db().timelineEventRevision.count({ where: { event: { incidentId } } }),
    db().auditLog.count({ where: { organizationId: org.id } }),
  ]);
  return { lastSeq: inc.lastSeq, events, revisions, audits };
}

const post = async (actor = org.responder, input: Record<string, unknown> = { kind: "action", body: "Restarted the OMS adapter" }) =>
  (await postEvent(actor, incident.id, input)).event;

describe("correcting an entry", () => {
  it("keeps the previous version as a revision and appends an amendment with the next seq", async () => {
    const note = await post(org.responder, { kind: "note", body: "PSP latency at 30 s" });
    const { entry, amendment } = await amendEvent(org.responder, incident.id, note.seq, { body: "PSP latency at 3 s" });

    expect(entry).toMatchObject({ seq: note.seq, body: "PSP latency at 3 s", revisionCount: 1 });
    expect(entry.editedAt).not.toBeNull();
    expect(amendment).toMatchObject({
      seq: note.seq + 1,
      kind: "amendment",
      targetSeq: note.seq,
      author: { id: org.responder.userId },
      body: `${org.responder.name} corrected #${note.seq}`,
    });
    expect(amendment && amendmentOf(amendment)).toEqual({ change: "correct", entry });

    const history = await listRevisions(org.viewer, incident.id, note.seq);
    expect(history.entry.body).toBe("PSP latency at 3 s");
    expect(history.revisions).toMatchObject([{ body: "PSP latency at 30 s", editedBy: { id: org.responder.userId } }]);

    const audit = await db().auditLog.findMany({ where: { entityId: note.id, action: "timeline.correct" } });
    expect(audit).toHaveLength(1);
    expect(await snapshot(incident.id)).toMatchObject({ lastSeq: note.seq + 1 });
  });

  it("marks an action's outcome, naming the change, without calling it an edit", async () => {
    const action = await post();
    expect(action.data).toEqual({ outcome: "pending" });
    const { entry, amendment } = await amendEvent(org.responder, incident.id, action.seq, { data: { outcome: "worked" } });
    expect(entry).toMatchObject({ data: { outcome: "worked" }, editedAt: null, revisionCount: 1 });
    expect(amendment?.body).toBe(`${org.responder.name} marked action #${action.seq} worked`);
    expect(amendment?.data).toMatchObject({ change: "outcome" });
  });

  it("moves a hypothesis along and records an acknowledgement", async () => {
    const hypothesis = await post(org.responder, { kind: "hypothesis", body: "Retry storm from the ERP sync" });
    const state = await amendEvent(org.responder, incident.id, hypothesis.seq, { data: { state: "confirmed" } });
    expect(state.amendment?.data).toMatchObject({ change: "state" });

    const team =
      (await db().team.findFirst({ where: { organizationId: org.id, name: "Fulfilment" } })) ??
      (await createTeam(org.admin, { name: "Fulfilment" }));
    const notified = await post(org.responder, {
      kind: "notification",
      body: "Asked to pause stock pushes",
      data: { target: "fulfilment on-call", channel: "phone" },
    });
    const ackAt = new Date(Date.now() - 60_000).toISOString();
    const ack = await amendEvent(org.responder, incident.id, notified.seq, { data: { acknowledgedAt: ackAt } });
    expect(ack.entry.data).toEqual({ target: "Fulfilment", teamId: team.id, channel: "phone", acknowledgedAt: ackAt });
    expect(ack.amendment?.body).toBe(`${org.responder.name} recorded that Fulfilment acknowledged #${notified.seq}`);
  });

  it("answers a repeated change with the entry and writes nothing", async () => {
    const action = await post();
    await amendEvent(org.responder, incident.id, action.seq, { data: { outcome: "failed" } });
    const before = await snapshot(incident.id);
    const again = await amendEvent(org.responder, incident.id, action.seq, { data: { outcome: "failed" } });
    expect(again.amendment).toBeNull();
    expect(again.entry.data).toEqual({ outcome: "failed" });
    expect(await snapshot(incident.id)).toEqual(before);
  });

  it("does not let a responder change someone else's entry, but lets the commander", async () => {
    const theirs = await post(org.admin, { kind: "note", body: "Feed 3 hours behind" });
    const before = await snapshot(incident.id);
    const error = await appErrorOf(amendEvent(org.responder, incident.id, theirs.seq, { body: "Feed 2 hours behind" }));
    expect(error).toMatchObject({ code: "forbidden", status: 403 });
    expect(await snapshot(incident.id)).toEqual(before);

    const { entry } = await amendEvent(org.commander, incident.id, theirs.seq, { body: "Feed 2 hours behind" });
    expect(entry).toMatchObject({ body: "Feed 2 hours behind", author: { id: org.admin.userId } });
  });

  it("does not let a viewer change anything", async () => {
    const mine = await post();
    for (const attempt of [
      amendEvent(org.viewer, incident.id, mine.seq, { body: "x" }),
      pinEvent(org.viewer, incident.id, mine.seq, { pinned: true }),
      strikeEvent(org.viewer, incident.id, mine.seq, { reason: "x" }),
    ]) {
      expect((await appErrorOf(attempt)).status).toBe(403);
    }
  });

  it("refuses system entries (422) and unknown entries (404), across organisations too", async () => {
    const before = await snapshot(incident.id);
    const system = await appErrorOf(amendEvent(org.commander, incident.id, 1, { body: "Declared SEV1" }));
    expect(system).toMatchObject({ code: "validation_failed", status: 422 });
    expect(fieldsOf(system)).toEqual(["seq"]);

    expect((await appErrorOf(amendEvent(org.commander, incident.id, 999, { body: "x" }))).status).toBe(404);
    expect((await appErrorOf(amendEvent(org.commander, incident.id, "abc", { body: "x" }))).status).toBe(404);
    expect((await appErrorOf(amendEvent(org.commander, randomUUID(), 1, { body: "x" }))).status).toBe(404);
    // Another organisation's commander cannot even find the incident.
    expect((await appErrorOf(pinEvent(other.commander, incident.id, 1, { pinned: true }))).status).toBe(404);
    expect(await snapshot(incident.id)).toEqual(before);
  });

  it("refuses bad input naming the field, and writes nothing at all", async () => {
    const action = await post();
    const before = await snapshot(incident.id);

    const outcome = await appErrorOf(amendEvent(org.responder, incident.id, action.seq, { data: { outcome: "sort of" } }));
    expect([outcome.status, fieldsOf(outcome)]).toEqual([422, ["data.outcome"]]);
    const empty = await appErrorOf(amendEvent(org.responder, incident.id, action.seq, { body: "   " }));
    expect([empty.status, fieldsOf(empty)]).toEqual([422, ["body"]]);
    const long = await appErrorOf(amendEvent(org.responder, incident.id, action.seq, { body: "x".repeat(10_001) }));
    expect(fieldsOf(long)).toEqual(["body"]);
    const nothing = await appErrorOf(amendEvent(org.responder, incident.id, action.seq, {}));
    expect(fieldsOf(nothing)).toEqual(["body"]);

    expect(await snapshot(incident.id)).toEqual(before);
  });
});

describe("pinning and striking through", () => {
  it("needs a commander to pin, and records pin and unpin as amendments", async () => {
    const decision = await post(org.responder, { kind: "decision", body: "Disable the new returns integration" });
    const before = await snapshot(incident.id);
    expect((await appErrorOf(pinEvent(org.responder, incident.id, decision.seq, { pinned: true }))).code).toBe("forbidden");
    expect(await snapshot(incident.id)).toEqual(before);

    const pinned = await pinEvent(org.commander, incident.id, decision.seq, { pinned: true });
    expect(pinned.entry.pinned).toBe(true);
    expect(pinned.amendment).toMatchObject({
      seq: decision.seq + 1,
      body: `${org.commander.name} pinned #${decision.seq}`,
      data: { change: "pin" },
    });
    // Pinning is not a content change: no revision.
    expect(pinned.entry.revisionCount).toBe(0);
    expect((await pinEvent(org.commander, incident.id, decision.seq, { pinned: true })).amendment).toBeNull();

    const unpinned = await pinEvent(org.admin, incident.id, decision.seq, { pinned: false });
    expect(unpinned.amendment?.data).toMatchObject({ change: "unpin" });
    expect(unpinned.entry.pinned).toBe(false);
    expect(fieldsOf(await appErrorOf(pinEvent(org.commander, incident.id, decision.seq, { pinned: "yes" })))).toEqual(["pinned"]);
  });

  it("lets a responder who commands the incident pin in it", async () => {
    const own = await seedIncident(org.responder);
    const { event } = await postEvent(org.responder, own.id, { kind: "note", body: "Key moment" });
    expect((await pinEvent(org.responder, own.id, event.seq, { pinned: true })).entry.pinned).toBe(true);
  });

  it("needs a reason to strike through, then hides the entry from filtered lists unless includeStruck", async () => {
    const note = await post(org.responder, { kind: "note", body: "Duplicate of the alert above" });
    const before = await snapshot(incident.id);
    for (const input of [{}, { reason: "" }, { reason: "   " }, { reason: "x".repeat(501) }]) {
      const error = await appErrorOf(strikeEvent(org.commander, incident.id, note.seq, input));
      expect([error.status, fieldsOf(error)]).toEqual([422, ["reason"]]);
    }
    expect((await appErrorOf(strikeEvent(org.responder, incident.id, note.seq, { reason: "dup" }))).code).toBe("forbidden");
    expect(await snapshot(incident.id)).toEqual(before);

    const { entry, amendment } = await strikeEvent(org.commander, incident.id, note.seq, { reason: " duplicate " });
    expect(entry.struck).toMatchObject({ reason: "duplicate", by: { id: org.commander.userId } });
    expect(amendment?.body).toBe(`${org.commander.name} struck #${note.seq} through: duplicate`);
    expect((await appErrorOf(strikeEvent(org.commander, incident.id, note.seq, { reason: "again" }))).code).toBe("conflict");
    // A struck entry cannot be corrected or pinned until restored.
    expect((await appErrorOf(amendEvent(org.commander, incident.id, note.seq, { body: "x" }))).code).toBe("conflict");

    const bodies = async (query: Record<string, unknown>) => (await listEvents(org.viewer, incident.id, query)).events.map((e) => e.body);
    expect(await bodies({ kind: "note" })).not.toContain("Duplicate of the alert above");
    expect(await bodies({ kind: "note", includeStruck: "true" })).toContain("Duplicate of the alert above");
    expect(await bodies({ includeStruck: false })).not.toContain("Duplicate of the alert above");
    // The raw stream keeps everything: browsers need it gapless.
    expect(await bodies({})).toContain("Duplicate of the alert above");

    const restored = await restoreEvent(org.commander, incident.id, note.seq);
    expect(restored.entry.struck).toBeNull();
    expect(restored.amendment?.data).toMatchObject({ change: "unstrike" });
    expect((await restoreEvent(org.commander, incident.id, note.seq)).amendment).toBeNull();
  });

  it("refuses to strike through what the system recorded", async () => {
    const error = await appErrorOf(strikeEvent(org.commander, incident.id, 1, { reason: "wrong" }));
    expect([error.status, fieldsOf(error)]).toEqual([422, ["seq"]]);
  });
});

describe("catching up after a change", () => {
  it("includes amendments in after=seq, in sequence with new entries and without gaps", async () => {
    const action = await post();
    const mark = action.seq;
    const note = await post(org.responder, { kind: "note", body: "Error rate falling" });
    await amendEvent(org.responder, incident.id, action.seq, { data: { outcome: "worked" } });
    await pinEvent(org.commander, incident.id, note.seq, { pinned: true });
    await post(org.responder, { kind: "note", body: "Back to normal" });

    const page = await listEvents(org.viewer, incident.id, { after: mark });
    expect(page.events.map((e) => [e.seq, e.kind])).toEqual([
      [mark + 1, "note"],
      [mark + 2, "amendment"],
      [mark + 3, "amendment"],
      [mark + 4, "note"],
    ]);
    expect(page.events.map((e) => e.targetSeq)).toEqual([null, action.seq, note.seq, null]);
    expect(page.lastSeq).toBe(mark + 4);
  });

  it("keeps seqs gapless when changes race with new entries", async () => {
    const action = await post();
    await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => postEvent(org.responder, incident.id, { kind: "note", body: `note ${i}` })),
      amendEvent(org.responder, incident.id, action.seq, { data: { outcome: "worked" } }),
      pinEvent(org.commander, incident.id, action.seq, { pinned: true }),
      amendEvent(org.commander, incident.id, action.seq, { body: "Restarted the OMS adapter (both pods)" }),
    ]);
    const { events, lastSeq } = await listEvents(org.viewer, incident.id, { after: 0, limit: 500 });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
    expect(lastSeq).toBe(action.seq + 9);
    // The last amendment's snapshot is the entry as stored: all three changes, whatever the order.
    const stored = events.find((e) => e.seq === action.seq);
    const lastChange = events.filter((e) => e.targetSeq === action.seq).at(-1);
    expect(lastChange && amendmentOf(lastChange)?.entry).toEqual(stored);
    expect(stored).toMatchObject({
      pinned: true,
      data: { outcome: "worked" },
      body: "Restarted the OMS adapter (both pods)",
      revisionCount: 2,
    });
  });
});
