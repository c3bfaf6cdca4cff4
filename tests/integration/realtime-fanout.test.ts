// Two app instances in one test process, each with its own Socket.io server, sharing one database
// and one fan-out (Redis pub/sub, or Postgres LISTEN/NOTIFY): an entry stored and emitted on
// instance A must reach a browser connected to instance B, and presence must span both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncidentDto } from "../../lib/incidents/incident-dto.ts";
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
    const { event } = await postEvent(org.commander, incident.id, { kind: "action", body: "Failed over to the standby sync worker", clientId: "fanout-1" });
    expect((await delivered).event.seq).toBe(event.seq);
    // A retry of the same entry is stored once and not pushed again.
    await postEvent(org.commander, incident.id, { kind: "action", body: "Failed over to the standby sync worker", clientId: "fanout-1" });
    await new Promise((r) => setTimeout(r, 300));
    expect(received.filter((s) => s === event.seq)).toHaveLength(1);
  });

  it.skipIf(skip)("shows who is in the room across instances", async () => {
    const onA = await a.signedIn(org.commander.userId);
    const onB = await b.signedIn(org.viewer.userId);
    expect((await onB.emitWithAck("incident:join", { incidentId: incident.id })).ok).toBe(true);
    const seen = nextEvent(onB, "presence:update", (p) => p.users.some((u) => u.id === org.commander.userId));
    const ack = await onA.emitWithAck("incident:join", { incidentId: incident.id });
    expect(ack.ok && ack.presence.map((u) => u.id)).toEqual(expect.arrayContaining([org.commander.userId, org.viewer.userId]));
    expect((await seen).users.map((u) => u.id)).toContain(org.viewer.userId);
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
