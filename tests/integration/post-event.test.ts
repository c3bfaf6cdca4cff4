import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client.ts";
import type { IncidentDto } from "../../lib/incidents/incident-dto.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { appErrorOf, fieldsOf } from "../helpers/app-error.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
let incident: IncidentDto;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization();
});
afterAll(() => testDb.close());
// A fresh incident per test, so each test reads its own sequence from 1.
beforeEach(async () => {
  incident = await seedIncident(org.commander);
});

const storedSeqs = async (incidentId: string) =>
  (await db().timelineEvent.findMany({ where: { incidentId }, orderBy: { seq: "asc" }, select: { seq: true } })).map((e) => e.seq);
const lastSeqOf = async (incidentId: string) =>
  (await db().incident.findUniqueOrThrow({ where: { id: incidentId }, select: { lastSeq: true } })).lastSeq;

describe("posting to the timeline", () => {
  it("stores the entry with the next seq, its author, and an audit row", async () => {
    const { event, created } = await postEvent(org.responder, incident.id, { kind: "action", body: "  Paused the OMS retry job " });
    expect(created).toBe(true);
    expect(event).toMatchObject({ seq: 2, kind: "action", body: "Paused the OMS retry job", author: { id: org.responder.userId } });
    expect(await lastSeqOf(incident.id)).toBe(2);
    const audit = await db().auditLog.findMany({ where: { entityId: event.id } });
    expect(audit).toMatchObject([{ action: "timeline.post", actorId: org.responder.userId, organizationId: org.id }]);
  });

  it("does not let a viewer post", async () => {
    const error = await appErrorOf(postEvent(org.viewer, incident.id, { kind: "note", body: "I can see this" }));
    expect(error).toMatchObject({ code: "forbidden", status: 403 });
    expect(await storedSeqs(incident.id)).toEqual([1]);
  });

  it("answers a 404 for an incident that does not exist", async () => {
    expect((await appErrorOf(postEvent(org.responder, randomUUID(), { kind: "note", body: "x" }))).code).toBe("not_found");
    expect((await appErrorOf(postEvent(org.responder, "not-a-uuid", { kind: "note", body: "x" }))).code).toBe("not_found");
  });
});

describe("retries of one entry (same clientId)", () => {
  it("store it once when sent one after another", async () => {
    const results = [];
    for (let i = 0; i < 5; i++) {
      results.push(await postEvent(org.responder, incident.id, { kind: "note", body: "PSP says all green", clientId: "retry-seq-0001" }));
    }
    expect(results.map((r) => r.created)).toEqual([true, false, false, false, false]);
    expect(new Set(results.map((r) => r.event.id)).size).toBe(1);
    expect(await storedSeqs(incident.id)).toEqual([1, 2]);
  });

  it("store it once when sent concurrently, without burning a seq", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => postEvent(org.responder, incident.id, { kind: "note", body: "flaky wifi", clientId: "retry-par-0001" })),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.event.id)).size).toBe(1);
    expect(await storedSeqs(incident.id)).toEqual([1, 2]);
    expect(await lastSeqOf(incident.id)).toBe(2);
  });
});

describe("validation", () => {
  it("accepts a body of exactly 10,000 characters and refuses one more, naming body", async () => {
    await expect(postEvent(org.responder, incident.id, { kind: "note", body: "x".repeat(10_000) })).resolves.toMatchObject({ created: true });
    const error = await appErrorOf(postEvent(org.responder, incident.id, { kind: "note", body: "x".repeat(10_001) }));
    expect(error.status).toBe(422);
    expect(fieldsOf(error)).toEqual(["body"]);
    expect(error.message).toContain("body must be at most 10,000 characters");
    expect(await storedSeqs(incident.id)).toEqual([1, 2]);
  });

  it("refuses an empty body, a system-only kind and a malformed clientId, naming each", async () => {
    const error = await appErrorOf(postEvent(org.responder, incident.id, { kind: "status_change", body: "   ", clientId: "bad id!!" }));
    expect(fieldsOf(error).sort()).toEqual(["body", "clientId", "kind"]);
    expect(await storedSeqs(incident.id)).toEqual([1]);
  });

  it("refuses an occurredAt in the future, naming occurredAt", async () => {
    const inFiveMinutes = new Date(Date.now() + 5 * 60_000).toISOString();
    const error = await appErrorOf(postEvent(org.responder, incident.id, { kind: "note", body: "later", occurredAt: inFiveMinutes }));
    expect(fieldsOf(error)).toEqual(["occurredAt"]);
    expect(error.message).toContain("occurredAt cannot be in the future");
  });

  it("stores a back-dated entry with when it happened and when it was written down", async () => {
    const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000);
    const before = Date.now();
    const { event } = await postEvent(org.responder, incident.id, {
      kind: "decision",
      body: "Rolled back the returns release",
      occurredAt: twentyMinutesAgo.toISOString(),
    });
    const after = Date.now();
    expect(event.occurredAt).toBe(twentyMinutesAgo.toISOString());
    const recordedAt = Date.parse(event.recordedAt);
    // recordedAt comes from the database clock; allow a second of drift either way.
    expect(recordedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(recordedAt).toBeLessThanOrEqual(after + 1000);
    expect(event.seq).toBe(2);
  });
});
