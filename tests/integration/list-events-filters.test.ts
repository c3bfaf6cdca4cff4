import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { amendEvent } from "../../lib/timeline/amend-event.ts";
import { listEvents } from "../../lib/timeline/list-events.ts";
import { pinEvent } from "../../lib/timeline/pin-event.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { strikeEvent } from "../../lib/timeline/strike-event.ts";
import { appErrorOf, fieldsOf } from "../helpers/app-error.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
let incident: IncidentDto;

// seq 1: the declaration. Then a small, realistic history with one of each kind.
beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization();
  incident = await seedIncident(org.commander);
  const post = async (actor: typeof org.responder, input: Record<string, unknown>) => (await postEvent(actor, incident.id, input)).event;
  await post(org.responder, { kind: "note", body: "Inventory SYNC lagging 40 min" }); // 2
  const action = await post(org.responder, { kind: "action", body: "Restarted the inventory sync worker" }); // 3
  await post(org.commander, { kind: "decision", body: "Show limited-stock banners instead of out-of-stock" }); // 4
  await post(org.responder, { kind: "hypothesis", body: "The sync is throttled by the PIM rate limit" }); // 5
  const dup = await post(org.admin, { kind: "note", body: "inventory sync lagging (dup)" }); // 6
  await pinEvent(org.commander, incident.id, 4, { pinned: true }); // 7
  await amendEvent(org.responder, incident.id, action.seq, { data: { outcome: "worked" } }); // 8
  await strikeEvent(org.commander, incident.id, dup.seq, { reason: "duplicate of #2" }); // 9
  await post(org.responder, { kind: "note", body: "Stock 100% in sync, 50% faster" }); // 10
});
afterAll(() => testDb.close());

const seqs = async (query: Record<string, unknown>) => (await listEvents(org.viewer, incident.id, query)).events.map((e) => e.seq);

describe("filtering the history", () => {
  it("by kind, one or several, leaving out change records", async () => {
    expect(await seqs({ kind: "note" })).toEqual([2, 10]);
    expect(await seqs({ kind: "action,decision" })).toEqual([3, 4]);
    expect(await seqs({ kind: "amendment" })).toEqual([7, 8, 9]);
  });

  it("by author", async () => {
    expect(await seqs({ author: org.commander.userId })).toEqual([1, 4]);
    expect(await seqs({ author: org.admin.userId, includeStruck: "true" })).toEqual([6]);
  });

  it("pinned only", async () => {
    expect(await seqs({ pinned: "true" })).toEqual([4]);
  });

  it("by text, ignoring case", async () => {
    expect(await seqs({ q: "inventory sync" })).toEqual([2, 3]);
    expect(await seqs({ q: "SYNC", includeStruck: "true" })).toEqual([2, 3, 5, 6, 10]);
    // Wildcards are searched for literally.
    expect(await seqs({ q: "50%" })).toEqual([10]);
    expect(await seqs({ q: "100_" })).toEqual([]);
    expect(await seqs({ q: "(dup)", includeStruck: "true" })).toEqual([6]);
    expect(await seqs({ q: "\\" })).toEqual([]);
  });

  it("combines filters, and pages older matches with before", async () => {
    expect(await seqs({ kind: "note,action", q: "sync" })).toEqual([2, 3, 10]);
    const newest = await listEvents(org.viewer, incident.id, { q: "sync", limit: 2 });
    expect([newest.events.map((e) => e.seq), newest.hasMore]).toEqual([[5, 10], true]);
    const older = await listEvents(org.viewer, incident.id, { q: "sync", limit: 2, before: 5 });
    expect([older.events.map((e) => e.seq), older.hasMore]).toEqual([[2, 3], false]);
  });

  it("names a bad filter, and refuses filters on a catch-up", async () => {
    expect(fieldsOf(await appErrorOf(seqs({ kind: "gossip" })))).toEqual(["kind"]);
    expect(fieldsOf(await appErrorOf(seqs({ author: "not-a-uuid" })))).toEqual(["author"]);
    expect(fieldsOf(await appErrorOf(seqs({ after: 2, q: "sync" })))).toEqual(["after"]);
  });

  it("serves the raw stream, everything included, when no filter is given", async () => {
    expect(await seqs({})).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await seqs({ after: 5 })).toEqual([6, 7, 8, 9, 10]);
  });
});
