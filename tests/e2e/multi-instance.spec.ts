// Two Warroom processes on one PostgreSQL database, the way a load-balanced deployment runs: a
// browser on each instance in one room. Entries cross instances through the fan-out (Postgres
// LISTEN/NOTIFY by default, Redis pub/sub with REDIS_URL), one sign-in works on both, and a browser
// whose instance crashes reconnects once it is back and catches up on what it missed, once.
// Always on Postgres: PGlite is one process by construction and cannot be shared.
import { randomBytes } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import pg from "pg";
import { DEMO_USERS } from "./support/auth.ts";
import { E2E_PORT } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { ownServer, signedIn } from "./support/own-server.ts";
import { expectLive, expectNotReloaded, markNoReload, room, type Room } from "./support/room.ts";
import { seedIncident, uniqueTag } from "./support/seed.ts";
import { createTestDatabase } from "./support/test-database.ts";
import { storedBodies } from "./support/timeline.ts";

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
// Across instances it is a hop more than in one process, on two busy cores: "a few seconds".
const ACROSS_MS = 5_000;
// A restart on two cores, then socket.io's reconnect back-off (at most 5 s by default).
const RECONNECT_MS = 30_000;

// Three server starts per test on two cores.
test.describe.configure({ timeout: 300_000 });

/** Whether the Postgres fan-out ran on this database: it creates its table for big payloads. */
async function hasPostgresFanoutTable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('socket_io_attachments') IS NOT NULL AS present");
    return rows[0]?.present ?? false;
  } finally {
    await client.end();
  }
}

/** Posted in one room, shown in the other within a few seconds, and once in both with one number. */
async function expectCrossed(from: Room, to: Room, text: string): Promise<void> {
  await from.post(text);
  await expect(to.entry(text)).toBeVisible({ timeout: ACROSS_MS });
  await expect(from.pending).toHaveCount(0);
  const seq = await from.entry(text).getAttribute("data-seq");
  expect(seq).toMatch(/^\d+$/);
  await expect(to.entry(text)).toHaveAttribute("data-seq", seq ?? "");
  await expect(from.entry(text)).toHaveCount(1);
  await expect(to.entry(text)).toHaveCount(1);
}

const FANOUTS = [
  // REDIS_URL="" unsets it (blank values count as unset), so a REDIS_URL in the shell cannot leak in.
  { name: "Postgres LISTEN/NOTIFY", env: { REDIS_URL: "" }, postgresTable: true, ports: [E2E_PORT + 5, E2E_PORT + 6] },
  { name: "Redis pub/sub", env: { REDIS_URL }, postgresTable: false, ports: [E2E_PORT + 7, E2E_PORT + 8] },
] as const;

for (const fanout of FANOUTS) {
  test(`two instances on one database, fan-out through ${fanout.name}: entries cross both ways once, and a crashed instance's browser catches up`, async ({
    browser,
  }) => {
    const database = await createTestDatabase(ADMIN_URL);
    const shared = {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      REALTIME_FANOUT: "auto",
      ...fanout.env,
    };
    const one = ownServer(fanout.ports[0], shared);
    const two = ownServer(fanout.ports[1], shared);
    const contexts: BrowserContext[] = [];
    try {
      // One after the other: the first migrates and seeds, the second finds both done.
      await one.start();
      await two.start();
      expect(await hasPostgresFanoutTable(database.url), `the ${fanout.name} fan-out is not the one in use`).toBe(fanout.postgresTable);

      const commander = await signedIn(browser, one, "commander");
      const responder = await signedIn(browser, two, "responder");
      contexts.push(commander, responder);
      // The shared secret: a session made by instance 1 is good on instance 2.
      const session = (await (await commander.request.get(`${two.baseUrl}/api/auth/session`)).json()) as { user?: { email?: string } };
      expect(session.user?.email).toBe(DEMO_USERS.commander.email);

      const tag = uniqueTag();
      const incident = await seedIncident(commander.request, { title: `Two instances ${tag}` });
      const pageA = await commander.newPage();
      const pageB = await responder.newPage();
      await pageA.goto(`/incidents/${incident.id}`);
      await pageB.goto(`/incidents/${incident.id}`);
      expect(new URL(pageB.url()).port).toBe(String(fanout.ports[1]));
      const a = room(pageA);
      const b = room(pageB);
      await expectLive(a);
      await expectLive(b);
      // Presence spans instances too (fetchSockets goes through the adapter).
      await expect(a.presence).toContainText(DEMO_USERS.responder.name);
      await expect(b.presence).toContainText(DEMO_USERS.commander.name);
      const markB = await markNoReload(pageB);

      await test.step("A on instance 1 posts, B on instance 2 sees it; and back", async () => {
        await expectCrossed(a, b, `from A on instance 1 ${tag}`);
        await expectCrossed(b, a, `from B on instance 2 ${tag}`);
      });

      const missed = `posted while instance 2 was down ${tag}`;
      await test.step("instance 2 crashes under B; A keeps posting", async () => {
        await two.kill();
        await expect(b.connection).not.toHaveAttribute("data-state", "live");
        await a.post(missed);
        await expect(a.entry(missed)).toHaveCount(1);
        await expect(a.pending).toHaveCount(0);
      });

      await test.step("instance 2 restarts: B reconnects, catches up once, and both ways work again", async () => {
        await two.start();
        await expect(b.connection).toHaveAttribute("data-state", "live", { timeout: RECONNECT_MS });
        await expect(b.entry(missed)).toHaveCount(1);
        await expect(b.entry(missed)).toHaveAttribute("data-seq", (await a.entry(missed).getAttribute("data-seq")) ?? "");
        await expectNotReloaded(pageB, markB);
        await expectCrossed(b, a, `from B after the restart ${tag}`);
        await expectCrossed(a, b, `from A after the restart ${tag}`);
        // Later entries arrived after it, so a late duplicate of the missed one would show by now.
        await expect(b.entry(missed)).toHaveCount(1);
      });

      const stored = (await storedBodies(commander.request, incident.id)).filter((body) => body.endsWith(tag));
      expect(stored).toEqual([
        `from A on instance 1 ${tag}`,
        `from B on instance 2 ${tag}`,
        missed,
        `from B after the restart ${tag}`,
        `from A after the restart ${tag}`,
      ]);
      // Both rooms show the same entries in the same order, none twice.
      const seqs = async (r: Room) => (await r.confirmed()).map((e) => e.seq);
      expect(await seqs(b)).toEqual(await seqs(a));
      expect(new Set(await seqs(b)).size).toBe((await seqs(b)).length);
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
      await two.dispose();
      await one.dispose();
      await database.drop();
    }
  });
}
