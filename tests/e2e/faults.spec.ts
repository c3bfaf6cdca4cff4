// Faults on the worst night: the server dies under connected browsers, and the database goes away
// and comes back. Nothing typed may be lost or stored twice, and the room must say what is going on.
import { E2E_PORT } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { ownServer, signedIn } from "./support/own-server.ts";
import { expectLive, room } from "./support/room.ts";
import { seedEvent, seedIncident, uniqueTag } from "./support/seed.ts";
import { tcpProxy } from "./support/tcp-proxy.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { storedBodies } from "./support/timeline.ts";

// Starting a server of its own takes a while on two cores.
test.describe.configure({ timeout: 240_000 });

test("the server is killed and restarted under a connected room: it reconnects, catches up, and the outbox is stored once", async ({
  browser,
}) => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const database: TestDatabase | undefined = adminUrl ? await createTestDatabase(adminUrl) : undefined;
  const server = ownServer(E2E_PORT + 40, database ? { DATABASE_URL: database.url } : {});
  try {
    await server.start();
    const commander = await signedIn(browser, server, "commander");
    const responder = await signedIn(browser, server, "responder");
    const tag = uniqueTag();
    const incident = await seedIncident(commander.request, { title: `Server crash drill ${tag}` });
    const page = await commander.newPage();
    await page.goto(`/incidents/${incident.id}`);
    const r = room(page);
    await expectLive(r);
    await r.post(`before the crash ${tag}`);
    await expect(r.entry(`before the crash ${tag}`)).toBeVisible();

    await server.kill();
    await expect(r.connection).not.toHaveAttribute("data-state", "live");
    // The responder keeps typing while the server is down: entries wait, visibly.
    await r.post(`during the outage 1 ${tag}`);
    await r.post(`during the outage 2 ${tag}`);
    await expect(r.pending).toHaveCount(2);
    await expect(r.connection).toContainText("2 pending");

    await server.start();
    // Someone else writes before this browser is back: it must catch up on it.
    await seedEvent(responder.request, incident.id, { body: `from another responder after the restart ${tag}` });
    await expectLive(r);
    await expect(r.pending).toHaveCount(0, { timeout: 15_000 });
    for (const text of [`during the outage 1 ${tag}`, `during the outage 2 ${tag}`, `from another responder after the restart ${tag}`]) {
      await expect(r.entry(text)).toHaveCount(1);
    }
    const stored = (await storedBodies(commander.request, incident.id)).filter((b) => b.endsWith(tag));
    expect(stored.filter((b) => b.startsWith("during the outage"))).toEqual([`during the outage 1 ${tag}`, `during the outage 2 ${tag}`]);
    expect(stored.filter((b) => b === `before the crash ${tag}`)).toHaveLength(1);
  } finally {
    await server.dispose();
    await database?.drop();
  }
});

test("PostgreSQL goes away and comes back: writes answer 503, the room says degraded and keeps the outbox, then stores it once", async ({
  browser,
}) => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  test.skip(!adminUrl, "needs TEST_DATABASE_URL: the embedded database cannot be cut off");
  const database = await createTestDatabase(adminUrl ?? "");
  const target = new URL(database.url);
  const proxy = await tcpProxy(target.hostname, Number(target.port || 5432));
  const viaProxy = new URL(database.url);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  const server = ownServer(E2E_PORT + 41, { DATABASE_URL: viaProxy.toString() });
  try {
    await server.start();
    const commander = await signedIn(browser, server, "commander");
    const tag = uniqueTag();
    const incident = await seedIncident(commander.request, { title: `Database outage drill ${tag}` });
    const page = await commander.newPage();
    await page.goto(`/incidents/${incident.id}`);
    const r = room(page);
    await expectLive(r);

    await proxy.cut();
    const refused = await commander.request.post(`/api/incidents/${incident.id}/events`, {
      data: { kind: "note", body: `api while down ${tag}` },
    });
    expect(refused.status()).toBe(503);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unavailable");

    await r.post(`typed while the database is down ${tag}`);
    await expect(r.connection).toHaveAttribute("data-state", "degraded");
    await expect(r.connection).toContainText("1 pending");
    await expect(r.pending).toHaveCount(1);

    await proxy.restore();
    await expect(r.pending).toHaveCount(0, { timeout: 20_000 });
    await expectLive(r);
    await expect(r.entry(`typed while the database is down ${tag}`)).toHaveCount(1);
    const stored = (await storedBodies(commander.request, incident.id)).filter((b) => b.endsWith(tag));
    expect(stored).toEqual([`typed while the database is down ${tag}`]);
  } finally {
    await server.dispose();
    await proxy.close();
    await database.drop();
  }
});
