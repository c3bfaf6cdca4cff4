// Two app instances in one test process, each with its own Socket.io server, sharing one database
// and one fan-out (Redis pub/sub, or Postgres LISTEN/NOTIFY): an entry stored and emitted on
// instance A must reach a browser connected to instance B, and presence must span both.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { MessageType } from "socket.io-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncidentDto } from "../../lib/incidents/incident-dto.ts";
import { attachFanout, type Fanout, type FanoutOptions } from "../../lib/realtime/adapter.ts";
import { setRealtimeServer, type RealtimeServer } from "../../lib/realtime/emit.ts";
import type { JoinAck } from "../../lib/realtime/protocol.ts";
import { createRealtimeServer } from "../../lib/realtime/socket-server.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { connected, createClient, nextEvent, type TestClient } from "../helpers/socket-client.ts";
import { createTestDatabase, isPostgres, type TestDatabase } from "../helpers/test-database.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

interface Instance {
  io: RealtimeServer;
  fanout: Fanout;
  url: string;
}

async function startInstance(options: FanoutOptions): Promise<Instance> {
  const server = createServer();
  const io = createRealtimeServer(server);
  const fanout = await attachFanout(io, options);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { io, fanout, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function stopInstance(instance: Instance): Promise<void> {
  await instance.io.close();
  await instance.fanout.close();
}

const cases: { name: string; options: (db: TestDatabase) => FanoutOptions; skip: boolean }[] = [
  { name: "Redis", options: () => ({ redisUrl: REDIS_URL }), skip: false },
  // LISTEN/NOTIFY needs a real Postgres server; PGlite is single-process by design.
  { name: "Postgres", options: (db) => ({ databaseUrl: db.url }), skip: !isPostgres },
];

describe.each(cases)("fan-out through $name", ({ options, skip }) => {
  let testDb: TestDatabase;
  let org: SeededOrganization;
  let incident: IncidentDto;
  let a: Instance;
  let b: Instance;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    if (skip) return;
    testDb = await createTestDatabase();
    org = await seedOrganization("Acme");
    incident = await seedIncident(org.commander, { title: "Inventory sync lagging" });
    a = await startInstance(options(testDb));
    b = await startInstance(options(testDb));
    // Domain functions emit through the process-wide server: here, instance A's.
    setRealtimeServer(a.io);
  });

  afterAll(async () => {
    if (skip) return;
    for (const c of clients) c.disconnect();
    // Let the instances finish telling each other who left before the fan-out closes.
    await new Promise((r) => setTimeout(r, 300));
    setRealtimeServer(undefined);
    await Promise.all([stopInstance(a), stopInstance(b)]);
    await testDb.close();
  });

  async function clientOn(instance: Instance, userId: string): Promise<TestClient> {
    const client = createClient(instance.url, await sessionCookie(userId));
    clients.push(client);
    await connected(client);
    return client;
  }

  it.skipIf(skip)("delivers an entry written on instance A to a browser on instance B, once", async () => {
    const onB = await clientOn(b, org.responder.userId);
    const ack: JoinAck = await onB.emitWithAck("incident:join", { incidentId: incident.id });
    expect(ack.ok).toBe(true);

    const received: number[] = [];
    onB.on("timeline:event", ({ event }) => received.push(event.seq));
    const delivered = nextEvent(onB, "timeline:event", (p) => p.event.body === "Failed over to the standby sync worker");
    const { event } = await postEvent(org.commander, incident.id, { kind: "action", body: "Failed over to the standby sync worker", clientId: "fanout-1" });
    expect((await delivered).event.seq).toBe(event.seq);
    // A retry of the same entry is stored once and not pushed again.
    await postEvent(org.commander, incident.id, { kind: "action", body: "Failed over to the standby sync worker", clientId: "fanout-1" });
    await new Promise((r) => setTimeout(r, 300));
    expect(received.filter((s) => s === event.seq)).toHaveLength(1);
  });

  it.skipIf(skip)("shows who is in the room across instances", async () => {
    const onA = await clientOn(a, org.commander.userId);
    const onB = await clientOn(b, org.viewer.userId);
    expect((await onB.emitWithAck("incident:join", { incidentId: incident.id })).ok).toBe(true);
    const seen = nextEvent(onB, "presence:update", (p) => p.users.some((u) => u.id === org.commander.userId));
    const ack = await onA.emitWithAck("incident:join", { incidentId: incident.id });
    expect(ack.ok && ack.presence.map((u) => u.id)).toEqual(expect.arrayContaining([org.commander.userId, org.viewer.userId]));
    expect((await seen).users.map((u) => u.id)).toContain(org.viewer.userId);
  });

  it.skipIf(skip)("carries an entry larger than a NOTIFY payload", async () => {
    const onB = await clientOn(b, org.responder.userId);
    expect((await onB.emitWithAck("incident:join", { incidentId: incident.id })).ok).toBe(true);
    const body = `Stack trace from the sync worker: ${"x".repeat(9_500)}`;
    const delivered = nextEvent(onB, "timeline:event", (p) => p.event.body === body);
    await postEvent(org.commander, incident.id, { kind: "note", body });
    expect((await delivered).event.body).toHaveLength(body.length);
  });
});

// The Postgres adapter writes to local sockets first and NOTIFYs only when another instance exists
// (lib/realtime/local-first.ts): a lone instance must not pay a database round trip per broadcast.
describe.skipIf(!isPostgres)("Postgres fan-out with one instance, then two", () => {
  let testDb: TestDatabase;
  let org: SeededOrganization;
  let incident: IncidentDto;
  let listener: pg.Client;
  const broadcasts: string[] = [];
  const instances: Instance[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    org = await seedOrganization("Acme");
    incident = await seedIncident(org.commander, { title: "Payment API timing out" });
    listener = new pg.Client({ connectionString: testDb.url });
    await listener.connect();
    listener.on("notification", (n) => {
      const message = JSON.parse(n.payload ?? "{}") as { type?: number };
      if (message.type === MessageType.BROADCAST) broadcasts.push(n.payload ?? "");
    });
    await listener.query(`LISTEN "warroom#/"`);
  });

  afterAll(async () => {
    for (const c of clients) c.disconnect();
    setRealtimeServer(undefined);
    await Promise.all(instances.map(stopInstance));
    await listener.end();
    await testDb.close();
  });

  async function joinedClient(instance: Instance): Promise<TestClient> {
    const client = createClient(instance.url, await sessionCookie(org.responder.userId));
    clients.push(client);
    await connected(client);
    expect((await client.emitWithAck("incident:join", { incidentId: incident.id })).ok).toBe(true);
    return client;
  }

  async function postAndReceive(client: TestClient, body: string): Promise<void> {
    const delivered = nextEvent(client, "timeline:event", (p) => p.event.body === body);
    await postEvent(org.commander, incident.id, { kind: "note", body });
    await delivered;
  }

  it("delivers locally without a NOTIFY while alone, and NOTIFYs once a second instance is up", async () => {
    const a = await startInstance({ databaseUrl: testDb.url });
    instances.push(a);
    setRealtimeServer(a.io);
    const onA = await joinedClient(a);
    await postAndReceive(onA, "Alone: no one else to tell");
    // A NOTIFY sent would have reached the listener by now (same server, same database). Not even
    // the presence broadcast of the join went out.
    await new Promise((r) => setTimeout(r, 300));
    expect(broadcasts).toHaveLength(0);

    const b = await startInstance({ databaseUrl: testDb.url });
    instances.push(b);
    await expect.poll(() => a.io.of("/").adapter.serverCount(), { timeout: 10_000 }).toBe(2);
    const onB = await joinedClient(b);
    const onBToo = nextEvent(onB, "timeline:event", (p) => p.event.body === "Two instances now");
    await postAndReceive(onA, "Two instances now");
    await onBToo;
    await expect.poll(() => broadcasts.filter((b) => b.includes("Two instances now")).length).toBe(1);
  });
});
