// Two app instances in one test process, each with its own Socket.io server, sharing one database
// and one fan-out (Redis pub/sub, or Postgres LISTEN/NOTIFY): an entry stored and emitted on
// instance A must reach a browser connected to instance B, and presence must span both.
import pg from "pg";
import { MessageType } from "socket.io-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import type { FanoutOptions } from "../../lib/realtime/adapter.ts";
import { setRealtimeServer } from "../../lib/realtime/emit.ts";
import type { JoinAck } from "../../lib/realtime/protocol.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { startRealtimeServer, type RealtimeTestServer } from "../helpers/realtime-server.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { nextEvent } from "../helpers/socket-client.ts";
import { createTestDatabase, isPostgres, type TestDatabase } from "../helpers/test-database.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const cases: { name: string; options: (db: TestDatabase) => FanoutOptions; skip: boolean }[] = [
  { name: "Redis", options: () => ({ redisUrl: REDIS_URL }), skip: false },
  // LISTEN/NOTIFY needs a real Postgres server; PGlite is single-process by design.
  { name: "Postgres", options: (db) => ({ databaseUrl: db.url }), skip: !isPostgres },
];

describe.each(cases)("fan-out through $name", ({ options, skip }) => {
  let testDb: TestDatabase;
  let org: SeededOrganization;
  let incident: IncidentDto;
  let a: RealtimeTestServer;
  let b: RealtimeTestServer;

  beforeAll(async () => {
    if (skip) return;
    testDb = await createTestDatabase();
    org = await seedOrganization("Acme");
    incident = await seedIncident(org.commander, { title: "Inventory sync lagging" });
    a = await startRealtimeServer({ fanout: options(testDb) });
    b = await startRealtimeServer({ fanout: options(testDb) });
    // Domain functions emit through the process-wide server: here, instance A's.
    setRealtimeServer(a.io);
  });

  afterAll(async () => {
    if (skip) return;
    a.disconnectClients();
    b.disconnectClients();
    // Let the instances finish telling each other who left before the fan-out closes.
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([a.close(), b.close()]);
    await testDb.close();
  });

  it.skipIf(skip)("delivers an entry written on instance A to a browser on instance B, once", async () => {
    const onB = await b.signedIn(org.responder.userId);
    const ack: JoinAck = await onB.emitWithAck("incident:join", { incidentId: incident.id });
    expect(ack.ok).toBe(true);

    const received: number[] = [];
    onB.on("timeline:event", ({ event }) => received.push(event.seq));
    const delivered = nextEvent(onB, "timeline:event", (p) => p.event.body === "Failed over to the standby sync worker");
    const { event } = await postEvent(org.commander, incident.id, {
      kind: "action",
      body: "Failed over to the standby sync worker",
      clientId: "fanout-1",
    });
    expect((await delivered).event.seq).toBe(event.seq);
    // A retry of the same entry is stored once and not pushed again. The entry posted after it
    // travels the same way; once it is here, a second push of the retry would have been too.
    await postEvent(org.commander, incident.id, { kind: "action", body: "Failed over to the standby sync worker", clientId: "fanout-1" });
    const marker = nextEvent(onB, "timeline:event", (p) => p.event.body === "Sync queue drained");
    await postEvent(org.commander, incident.id, { kind: "action", body: "Sync queue drained", clientId: "fanout-2" });
    await marker;
    expect(received.filter((s) => s === event.seq)).toHaveLength(1);
  });

  it.skipIf(skip)("shows who is in the room across instances", async () => {
    const onA = await a.signedIn(org.commander.userId);
    const onB = await b.signedIn(org.viewer.userId);
    expect((await onB.emitWithAck("incident:join", { incidentId: incident.id })).ok).toBe(true);
    const seen = nextEvent(onB, "presence:delta", (p) => p.joined.some((u) => u.id === org.commander.userId));
    const ack = await onA.emitWithAck("incident:join", { incidentId: incident.id });
    // The ack on A lists the viewer held by B: each instance keeps the others' presence.
    expect(ack.ok && ack.presence.map((u) => u.id)).toEqual(expect.arrayContaining([org.commander.userId, org.viewer.userId]));
    await seen;
    // And B's view of the room now includes A's commander, for the next person joining on B.
    const onB2 = await b.signedIn(org.admin.userId);
    const ackB = await onB2.emitWithAck("incident:join", { incidentId: incident.id });
    expect(ackB.ok && ackB.presence.map((u) => u.id)).toEqual(
      expect.arrayContaining([org.commander.userId, org.viewer.userId, org.admin.userId]),
    );
    const viewerGone = nextEvent(onA, "presence:delta", (p) => p.left.includes(org.viewer.userId));
    onB.disconnect();
    await viewerGone;
  });

  it.skipIf(skip)("carries an entry larger than a NOTIFY payload", async () => {
    const onB = await b.signedIn(org.responder.userId);
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
  const instances: RealtimeTestServer[] = [];

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
    setRealtimeServer(undefined);
    await Promise.all(instances.map((i) => i.close()));
    await listener.end();
    await testDb.close();
  });

  /** What instance's adapter asks its pool to NOTIFY as a broadcast, as JSON, from now on. */
  function broadcastsPublishedBy(instance: RealtimeTestServer): string[] {
    const adapter = instance.io.of("/").adapter as unknown as { doPublish(message: { type: MessageType }): Promise<unknown> };
    const doPublish = adapter.doPublish.bind(adapter);
    const published: string[] = [];
    adapter.doPublish = (message) => {
      if (message.type === MessageType.BROADCAST) published.push(JSON.stringify(message));
      return doPublish(message);
    };
    return published;
  }

  async function joinedClient(instance: RealtimeTestServer) {
    const client = await instance.signedIn(org.responder.userId);
    expect((await client.emitWithAck("incident:join", { incidentId: incident.id })).ok).toBe(true);
    return client;
  }

  it("delivers locally without a NOTIFY while alone, and NOTIFYs once a second instance is up", async () => {
    const a = await startRealtimeServer({ fanout: { databaseUrl: testDb.url } });
    instances.push(a);
    const published = broadcastsPublishedBy(a);
    const onA = await a.signedIn(org.responder.userId);
    const presenceSent = nextEvent(onA, "presence:delta", (p) => p.joined.some((u) => u.id === org.responder.userId));
    expect((await onA.emitWithAck("incident:join", { incidentId: incident.id })).ok).toBe(true);
    await presenceSent;
    const alone = nextEvent(onA, "timeline:event", (p) => p.event.body === "Alone: no one else to tell");
    await postEvent(org.commander, incident.id, { kind: "note", body: "Alone: no one else to tell" });
    await alone;
    // The adapter hands a NOTIFY to its pool in the same tick as the broadcast (before or beside
    // the local write), so once the entry is here any NOTIFY for it has been asked for; the same
    // for the presence change of the join, awaited above.
    expect(published).toEqual([]);
    expect(broadcasts).toHaveLength(0);

    const b = await startRealtimeServer({ fanout: { databaseUrl: testDb.url } });
    instances.push(b);
    // Domain functions emit through instance A (starting B made B the process-wide server).
    setRealtimeServer(a.io);
    await expect.poll(() => a.io.of("/").adapter.serverCount(), { timeout: 10_000 }).toBe(2);
    const onB = await joinedClient(b);
    const onBoth = [onA, onB].map((c) => nextEvent(c, "timeline:event", (p) => p.event.body === "Two instances now"));
    await postEvent(org.commander, incident.id, { kind: "note", body: "Two instances now" });
    await Promise.all(onBoth);
    await expect.poll(() => broadcasts.filter((m) => m.includes("Two instances now")).length).toBe(1);
    // The same watch sees a NOTIFY when one is sent: its silence above was not blindness.
    expect(published.filter((m) => m.includes("Two instances now"))).toHaveLength(1);
  });
});
