import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client.ts";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { postEventAsUser } from "../../lib/timeline/post-event-as-user.ts";
import { appErrorOf, expectAppError, fieldsOf } from "../helpers/app-error.ts";
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
      Array.from({ length: 5 }, () =>
        postEvent(org.responder, incident.id, { kind: "note", body: "flaky wifi", clientId: "retry-par-0001" }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.event.id)).size).toBe(1);
    expect(await storedSeqs(incident.id)).toEqual([1, 2]);
    expect(await lastSeqOf(incident.id)).toBe(2);
  });
});

describe("validation", () => {
  it("accepts a body of exactly 10,000 characters and refuses one more, naming body", async () => {
    await expect(postEvent(org.responder, incident.id, { kind: "note", body: "x".repeat(10_000) })).resolves.toMatchObject({
      created: true,
    });
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

/** A browser session's claims: the user and the session version it was issued with. */
const session = (userId: string, version = 0) => ({ userId, version });

describe("posting as a browser session, known by user id only (postEventAsUser)", () => {
  it("stores the entry, its author and audit row as postEvent does", async () => {
    const { event, created } = await postEventAsUser(session(org.responder.userId), incident.id, {
      kind: "note",
      body: "Failover to replica B done",
      clientId: "session-0001",
    });
    expect(created).toBe(true);
    expect(event).toMatchObject({
      seq: 2,
      body: "Failover to replica B done",
      author: { id: org.responder.userId, name: org.responder.name },
    });
    const audit = await db().auditLog.findMany({ where: { entityId: event.id } });
    expect(audit).toMatchObject([{ action: "timeline.post", actorId: org.responder.userId, organizationId: org.id }]);
  });

  it("refuses a viewer (403), a deleted user (401) and another organisation's incident (404), writing nothing", async () => {
    await expectAppError(postEventAsUser(session(org.viewer.userId), incident.id, { kind: "note", body: "I can see this" }), "forbidden");
    await expectAppError(postEventAsUser(session(randomUUID()), incident.id, { kind: "note", body: "Who am I" }), "unauthorized");
    const other = await seedOrganization("Other Retail");
    await expectAppError(postEventAsUser(session(other.admin.userId), incident.id, { kind: "note", body: "Not my incident" }), "not_found");
    expect(await storedSeqs(incident.id)).toEqual([1]);
    expect(await lastSeqOf(incident.id)).toBe(1);
    expect(
      await db().auditLog.count({
        where: { action: "timeline.post", entityType: "TimelineEvent", after: { path: ["incidentId"], equals: incident.id } },
      }),
    ).toBe(0);
  });

  it("answers a retry with the stored entry, and bad input as postEvent does, naming the field", async () => {
    const first = await postEventAsUser(session(org.responder.userId), incident.id, {
      kind: "note",
      body: "PSP green",
      clientId: "session-retry-1",
    });
    const again = await postEventAsUser(session(org.responder.userId), incident.id, {
      kind: "note",
      body: "PSP green",
      clientId: "session-retry-1",
    });
    expect(again).toMatchObject({ created: false, event: { id: first.event.id, seq: first.event.seq } });
    await expectAppError(
      postEventAsUser(session(org.responder.userId), incident.id, { kind: "note", body: "" }),
      "validation_failed",
      "body",
    );
    await expectAppError(postEventAsUser(session(org.responder.userId), "not-a-uuid", { kind: "note", body: "x" }), "not_found");
    // Bad input from a deleted user is still "sign in again", as on postEvent's path.
    await expectAppError(postEventAsUser(session(randomUUID()), incident.id, { kind: "note", body: "" }), "unauthorized");
    expect(await storedSeqs(incident.id)).toEqual([1, 2]);
  });

  it("refuses a deactivated author and a session ended since (401 saying which), writing nothing", async () => {
    const people = await seedOrganization("Session Retail");
    const mine = await seedIncident(people.admin);
    await db().user.update({ where: { id: people.commander.userId }, data: { deactivatedAt: new Date() } });
    await db().user.update({ where: { id: people.responder.userId }, data: { sessionVersion: 1 } });
    expect(
      await expectAppError(
        postEventAsUser(session(people.commander.userId), mine.id, { kind: "note", body: "Still here?" }),
        "unauthorized",
      ),
    ).toMatchObject({ message: expect.stringMatching(/deactivated/) });
    expect(
      await expectAppError(
        postEventAsUser(session(people.responder.userId, 0), mine.id, { kind: "note", body: "Old cookie" }),
        "unauthorized",
      ),
    ).toMatchObject({ message: expect.stringMatching(/signed out/) });
    expect(await storedSeqs(mine.id)).toEqual([1]);
    // The session issued after the bump still posts.
    const { created } = await postEventAsUser(session(people.responder.userId, 1), mine.id, { kind: "note", body: "New cookie" });
    expect(created).toBe(true);
  });
});

describe("the author's role is checked inside the posting statement", () => {
  it("refuses an actor demoted to viewer after the request resolved it, writing nothing", async () => {
    const member = await db().user.create({
      data: { organizationId: org.id, role: "RESPONDER", name: "Soon a viewer", email: `demoted-${randomUUID()}@test.local` },
    });
    const actor = { userId: member.id, organizationId: org.id, role: "RESPONDER" as const, name: member.name, email: member.email };
    await db().user.update({ where: { id: member.id }, data: { role: "VIEWER" } });
    await expectAppError(postEvent(actor, incident.id, { kind: "note", body: "Still posting?" }), "forbidden");
    await db().user.delete({ where: { id: member.id } });
    await expectAppError(postEvent(actor, incident.id, { kind: "note", body: "And now?" }), "unauthorized");
    expect(await storedSeqs(incident.id)).toEqual([1]);
  });
});
