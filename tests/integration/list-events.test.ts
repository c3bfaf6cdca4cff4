import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { listEvents, type EventPage } from "../../lib/timeline/list-events.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { appErrorOf, fieldsOf } from "../helpers/app-error.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
let incident: IncidentDto;
const TOTAL = 13;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization();
  incident = await seedIncident(org.commander);
  for (let i = 2; i <= TOTAL; i++) await postEvent(org.responder, incident.id, { kind: "note", body: `entry ${i}` });
});
afterAll(() => testDb.close());

const page = (query: Record<string, unknown>) => listEvents(org.viewer, incident.id, query);
const seqs = (p: EventPage) => p.events.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("paging an incident's timeline", () => {
  it("returns the newest page, oldest first, when asked for nothing in particular", async () => {
    const newest = await page({ limit: 5 });
    expect(seqs(newest)).toEqual(range(9, 13));
    expect(newest).toMatchObject({ lastSeq: TOTAL, hasMore: true });
    expect(seqs(await page({}))).toEqual(range(1, TOTAL));
  });

  it("scrolls back with before until the start", async () => {
    const older = await page({ before: 9, limit: 5 });
    expect([seqs(older), older.hasMore]).toEqual([range(4, 8), true]);
    const oldest = await page({ before: 4, limit: 5 });
    expect([seqs(oldest), oldest.hasMore]).toEqual([range(1, 3), false]);
  });

  it("catches up with after, as a reconnecting client does", async () => {
    const first = await page({ after: 0, limit: 5 });
    expect([seqs(first), first.hasMore]).toEqual([range(1, 5), true]);
    const rest = await page({ after: 10 });
    expect([seqs(rest), rest.hasMore]).toEqual([range(11, 13), false]);
    // Query strings arrive as text.
    expect(seqs(await page({ after: "12" }))).toEqual([13]);
    const upToDate = await page({ after: TOTAL });
    expect([upToDate.events, upToDate.hasMore]).toEqual([[], false]);
  });

  it("refuses an after beyond the latest seq, naming after", async () => {
    const error = await appErrorOf(page({ after: TOTAL + 1 }));
    expect(error).toMatchObject({ code: "validation_failed", status: 422 });
    expect(fieldsOf(error)).toEqual(["after"]);
    expect(error.message).toContain(`must be at most ${TOTAL}`);
  });

  it("refuses nonsense paging parameters, naming them", async () => {
    expect(fieldsOf(await appErrorOf(page({ after: 2, before: 5 })))).toEqual(["before"]);
    expect(fieldsOf(await appErrorOf(page({ limit: 501 })))).toEqual(["limit"]);
    expect(fieldsOf(await appErrorOf(page({ before: 0 })))).toEqual(["before"]);
    expect(fieldsOf(await appErrorOf(page({ after: "soon" })))).toEqual(["after"]);
  });
});
