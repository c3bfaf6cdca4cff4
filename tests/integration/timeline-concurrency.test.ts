import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor.ts";
import { db } from "../../lib/db/client.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization();
});
afterAll(() => testDb.close());

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const storedSeqs = async (incidentId: string) =>
  (await db().timelineEvent.findMany({ where: { incidentId }, orderBy: { seq: "asc" }, select: { seq: true } })).map((e) => e.seq);

/** `writers` clients each posting `perWriter` entries one after another, all clients at once. */
function writeConcurrently(incidentId: string, tag: string, writers: number, perWriter: number): Promise<void[]> {
  const actors: Actor[] = [org.admin, org.commander, org.responder];
  return Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) {
        const actor = actors[w % actors.length] ?? org.responder;
        await postEvent(actor, incidentId, { kind: "note", body: `${tag} writer ${w} entry ${i}`, clientId: `${tag}-w${w}-e${i}` });
      }
    }),
  );
}

// On PGlite the writes are serialised by the single connection; on Postgres they contend for
// the incident row. Either way a responder's timeline must never skip or repeat a number.
describe("concurrent writers", () => {
  it("get a gapless per-incident sequence with no duplicates (20 writers × 50 entries)", async () => {
    const busy = await seedIncident(org.commander, { title: "Black Friday checkout outage" });
    const quiet = await seedIncident(org.commander, { title: "Feed delay" });
    await Promise.all([writeConcurrently(busy.id, "busy", 20, 50), writeConcurrently(quiet.id, "quiet", 5, 10)]);

    expect(await storedSeqs(busy.id)).toEqual(oneTo(1 + 20 * 50));
    expect(await storedSeqs(quiet.id)).toEqual(oneTo(1 + 5 * 10));
    const incidents = await db().incident.findMany({ where: { id: { in: [busy.id, quiet.id] } }, orderBy: { number: "asc" } });
    expect(incidents.map((i) => i.lastSeq)).toEqual([1 + 20 * 50, 1 + 5 * 10]);

    // Each writer's own entries keep the order it sent them in.
    const mine = await db().timelineEvent.findMany({
      where: { incidentId: busy.id, body: { startsWith: "busy writer 7 " } },
      orderBy: { seq: "asc" },
    });
    expect(mine.map((e) => e.body)).toEqual(Array.from({ length: 50 }, (_, i) => `busy writer 7 entry ${i}`));
  });
});
