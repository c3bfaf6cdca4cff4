import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiTokenRef } from "../../lib/audit/audit-principal.ts";
import { recordAudit } from "../../lib/audit/record-audit.ts";
import { db } from "../../lib/db/client.ts";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { appendEvent } from "../../lib/timeline/append-event.ts";
import type { EventKindName } from "../../lib/vocabulary/timeline.ts";
import type { TimelineEventDto } from "../../lib/timeline/event-dto.ts";
import { insertPostedEvent } from "../../lib/timeline/insert-posted-event.ts";
import { postedEventAudit } from "../../lib/timeline/posted-event-audit.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

// The posting statement (one round trip, for speed) must write exactly what the ordinary write
// path writes: appendEvent stores the entry, recordAudit its audit row with the entry's DTO.

let testDb: TestDatabase;
let org: SeededOrganization;
let incident: IncidentDto;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization();
  incident = await seedIncident(org.commander);
});
afterAll(() => testDb.close());

interface Posting {
  kind: EventKindName;
  body: string;
  data: Record<string, unknown> | null;
  occurredAt: Date | null;
}

async function postFast(p: Posting, clientId: string, apiToken?: ApiTokenRef): Promise<TimelineEventDto> {
  const result = await insertPostedEvent(org.responder.userId, { incidentId: incident.id, clientId, ...p }, null, apiToken);
  if (result.outcome !== "stored") throw new Error(`not stored: ${result.outcome}`);
  return result.event;
}

function postSlow(p: Posting, clientId: string, apiToken?: ApiTokenRef): Promise<TimelineEventDto> {
  return db().$transaction(async (tx) => {
    const event = await appendEvent(tx, {
      incidentId: incident.id,
      kind: p.kind,
      body: p.body,
      data: p.data,
      authorId: org.responder.userId,
      clientId,
      occurredAt: p.occurredAt ?? undefined,
    });
    await recordAudit(tx, apiToken ? { ...org.responder, apiToken } : org.responder, postedEventAudit(event));
    return event;
  });
}

/** What must match: everything but the ids, the sequence, the client id and the times of writing. */
const IGNORED = ["id", "seq", "clientId", "recordedAt", "createdAt", "entityId"];
function comparable(value: unknown, ignoreOccurredAt: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => comparable(v, ignoreOccurredAt));
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !IGNORED.includes(k) && !(ignoreOccurredAt && k === "occurredAt"))
      .map(([k, v]) => [k, comparable(v, ignoreOccurredAt)]),
  );
}

async function stored(event: TimelineEventDto) {
  const entry = await db().timelineEvent.findUniqueOrThrow({ where: { id: event.id } });
  const audit = await db().auditLog.findMany({ where: { entityId: event.id } });
  return { entry, audit };
}

const postings: [string, Posting][] = [
  ["a note without data, timed by the server", { kind: "note", body: "Checked the OMS dashboards", data: null, occurredAt: null }],
  [
    "an action with data, back-dated",
    {
      kind: "action",
      body: "Paused the retry job",
      data: { outcome: "pending", owner: { name: "Ana" } },
      occurredAt: new Date("2026-03-01T10:15:30.123Z"),
    },
  ],
  [
    "a hypothesis",
    {
      kind: "hypothesis",
      body: "The 14:02 deploy broke checkout",
      data: { state: "open" },
      occurredAt: new Date("2026-03-01T10:16:00.000Z"),
    },
  ],
];

describe("posting an entry: the one-statement path writes what appendEvent + recordAudit write", () => {
  it.each(postings)("%s", async (_label, posting) => {
    const fast = await postFast(posting, `fast-${_label}`);
    const slow = await postSlow(posting, `slow-${_label}`);
    const timedByServer = posting.occurredAt === null;

    // The DTOs answered to the poster.
    expect(comparable(fast, timedByServer)).toEqual(comparable(slow, timedByServer));
    expect(fast.seq).toBe(slow.seq - 1);
    expect(fast.clientId).toBe(`fast-${_label}`);

    const a = await stored(fast);
    const b = await stored(slow);
    // The stored entries.
    expect(comparable(a.entry, timedByServer)).toEqual(comparable(b.entry, timedByServer));
    // The audit rows: one each, the same actor, action, entity and payloads.
    expect(a.audit).toHaveLength(1);
    expect(b.audit).toHaveLength(1);
    expect(comparable(a.audit, timedByServer)).toEqual(comparable(b.audit, timedByServer));
    expect(a.audit[0]).toMatchObject({
      action: "timeline.post",
      entityType: "TimelineEvent",
      entityId: fast.id,
      actorId: org.responder.userId,
      before: null,
    });
    // The audit's `after` is the DTO the poster got, to the millisecond and every field.
    expect(a.audit[0]?.after).toEqual(JSON.parse(JSON.stringify(fast)));
    expect(b.audit[0]?.after).toEqual(JSON.parse(JSON.stringify(slow)));
  });
});

describe("posting with an API token: both paths name the token in the row's after", () => {
  it("adds the same mark beside the DTO", async () => {
    const apiToken = { id: "00000000-0000-4000-8000-0000000000aa", name: "deploy bot", prefix: "wr_abcdefg" };
    const posting: Posting = { kind: "note", body: "From CI", data: null, occurredAt: new Date("2026-03-01T10:17:00.000Z") };
    const fast = await postFast(posting, "fast-token", apiToken);
    const slow = await postSlow(posting, "slow-token", apiToken);
    const [a] = (await stored(fast)).audit;
    const [b] = (await stored(slow)).audit;
    expect(a?.after).toEqual({ ...JSON.parse(JSON.stringify(fast)), apiToken });
    expect(b?.after).toEqual({ ...JSON.parse(JSON.stringify(slow)), apiToken });
  });
});
