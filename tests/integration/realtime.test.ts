import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { IncidentDto } from "../../lib/incidents/incident-dto.ts";
import { declareIncident } from "../../lib/incidents/declare-incident.ts";
import { setRealtimeServer, type RealtimeServer } from "../../lib/realtime/emit.ts";
import type { JoinAck, PresenceUser } from "../../lib/realtime/protocol.ts";
import { createRealtimeServer } from "../../lib/realtime/socket-server.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie, SESSION_COOKIE } from "../helpers/session-cookie.ts";
import { collect, connected, createClient, nextEvent, refused, type TestClient } from "../helpers/socket-client.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let server: HttpServer;
let io: RealtimeServer;
let url: string;
let acme: SeededOrganization;
let globex: SeededOrganization;
let incident: IncidentDto;
const clients: TestClient[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
  server = createServer();
  io = createRealtimeServer(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  incident = await seedIncident(acme.commander, { title: "Payment gateway timeouts" });
});

afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});

afterAll(async () => {
  setRealtimeServer(undefined);
  // io.close() also closes the HTTP server it is attached to.
  await io.close();
  await testDb.close();
});

async function signedIn(userId: string): Promise<TestClient> {
  const client = createClient(url, await sessionCookie(userId));
  clients.push(client);
  await connected(client);
  return client;
}

function join(client: TestClient, incidentId: string, afterSeq?: number): Promise<JoinAck> {
  return client.emitWithAck("incident:join", afterSeq === undefined ? { incidentId } : { incidentId, afterSeq });
}

const ids = (users: PresenceUser[]) => users.map((u) => u.id).sort();

describe("connecting", () => {
  it.each([
    ["no cookie", undefined],
    ["a forged session", `${SESSION_COOKIE}=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.token.value.x`],
  ])("refuses %s as unauthorized", async (_, cookie) => {
    const client = createClient(url, cookie);
    clients.push(client);
    expect(await refused(client)).toBe("unauthorized");
  });

  it("refuses a valid session for a user that no longer exists", async () => {
    const client = createClient(url, await sessionCookie(randomUUID()));
    clients.push(client);
    expect(await refused(client)).toBe("unauthorized");
  });
});

describe("an incident room", () => {
  it("sends the timeline and who is here on join", async () => {
    const ivy = await signedIn(acme.commander.userId);
    const ack = await join(ivy, incident.id);
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.events.map((e) => [e.seq, e.kind])).toEqual([[1, "status_change"]]);
    expect(ack.lastSeq).toBe(1);
    expect(ack.presence).toEqual([{ id: acme.commander.userId, name: acme.commander.name, role: "COMMANDER" }]);
  });

  it("shows a second person arriving, delivers posts to both, and shows them leaving", async () => {
    const ivy = await signedIn(acme.commander.userId);
    const riley = await signedIn(acme.responder.userId);
    await join(ivy, incident.id);

    const bothHere = nextEvent(ivy, "presence:update", (p) => p.users.length === 2);
    const rileyAck = await join(riley, incident.id);
    const bothIds = [acme.commander.userId, acme.responder.userId].sort();
    expect(rileyAck.ok && ids(rileyAck.presence)).toEqual(bothIds);
    expect(ids((await bothHere).users)).toEqual(bothIds);

    const toIvy = nextEvent(ivy, "timeline:event");
    const toRiley = nextEvent(riley, "timeline:event");
    const { event } = await postEvent(acme.responder, incident.id, { kind: "action", body: "Paused OMS capture retries" });
    for (const pushed of await Promise.all([toIvy, toRiley])) {
      expect(pushed).toEqual({ incidentId: incident.id, event });
    }

    const rileyLeft = nextEvent(ivy, "presence:update", (p) => p.users.length === 1);
    riley.emit("incident:leave", { incidentId: incident.id });
    expect(ids((await rileyLeft).users)).toEqual([acme.commander.userId]);

    const rileyBack = nextEvent(ivy, "presence:update", (p) => p.users.length === 2);
    await join(riley, incident.id);
    await rileyBack;
    const rileyGone = nextEvent(ivy, "presence:update", (p) => p.users.length === 1);
    riley.disconnect();
    expect(ids((await rileyGone).users)).toEqual([acme.commander.userId]);
  });

  it("lets a client that dropped off catch up on exactly what it missed, in order", async () => {
    const riley = await signedIn(acme.responder.userId);
    const ack = await join(riley, incident.id);
    if (!ack.ok) throw new Error(ack.error.message);
    const seenUpTo = ack.lastSeq;
    riley.disconnect();

    const missed = [];
    for (const body of ["PSP confirms degradation", "Switched to backup acquirer", "Error rate back under 1%"]) {
      missed.push((await postEvent(acme.commander, incident.id, { kind: "note", body })).event);
    }

    const back = await signedIn(acme.responder.userId);
    const catchUp = await join(back, incident.id, seenUpTo);
    if (!catchUp.ok) throw new Error(catchUp.error.message);
    expect(catchUp.events).toEqual(missed);
    expect(catchUp.events.map((e) => e.seq)).toEqual([seenUpTo + 1, seenUpTo + 2, seenUpTo + 3]);
    expect(catchUp.lastSeq).toBe(seenUpTo + 3);
    expect(catchUp.hasMore).toBe(false);
  });

  it("only pushes an incident's events to clients in its room", async () => {
    const other = await seedIncident(acme.commander, { title: "Search index stale" });
    const ivy = await signedIn(acme.commander.userId);
    await join(ivy, other.id);
    const pushed = collect(ivy, "timeline:event");
    await postEvent(acme.responder, incident.id, { kind: "note", body: "not for the other room" });
    const mine = nextEvent(ivy, "timeline:event");
    const { event } = await postEvent(acme.responder, other.id, { kind: "note", body: "for this room" });
    await mine;
    // Socket.io keeps order per connection: had the first event been sent, it would be first.
    expect(pushed.map((p) => p.event.id)).toEqual([event.id]);
  });

  it("leaves a client out of the room when its join is refused (a sequence it cannot have)", async () => {
    const ivy = await signedIn(acme.commander.userId);
    const ack = await join(ivy, incident.id, 999_999);
    expect(ack.ok).toBe(false);
    const pushed = collect(ivy, "timeline:event");
    const watcher = await signedIn(acme.responder.userId);
    const joined = await join(watcher, incident.id);
    expect(joined.ok && ids(joined.presence)).not.toContain(acme.commander.userId);
    const seen = nextEvent(watcher, "timeline:event");
    await postEvent(acme.responder, incident.id, { kind: "note", body: "only for members" });
    await seen;
    expect(pushed).toEqual([]);
  });
});

describe("organisation boundaries", () => {
  it("will not let a client join another organisation's incident", async () => {
    const gus = await signedIn(globex.admin.userId);
    const ack = await join(gus, incident.id);
    expect(ack).toEqual({ ok: false, error: { code: "not_found", message: "Incident not found" } });
  });

  it("announces a declared incident to its own organisation only", async () => {
    const ivy = await signedIn(acme.commander.userId);
    const gus = await signedIn(globex.admin.userId);
    const toGus = collect(gus, "incident:declared");
    const toIvy = nextEvent(ivy, "incident:declared");
    const declared = await declareIncident(acme.responder, { title: "Cart totals wrong", severity: "SEV2" });
    expect((await toIvy).incident).toEqual(declared);

    const globexOwn = nextEvent(gus, "incident:declared");
    const theirs = await declareIncident(globex.commander, { title: "Carrier labels failing", severity: "SEV3" });
    await globexOwn;
    expect(toGus.map((p) => p.incident.id)).toEqual([theirs.id]);
  });
});
