// The presence protocol (issue #17): the join acknowledgement carries everyone present and the
// incident; the others hear of a join or a leave as a small delta (joined / left), coalesced, never
// the full list again. Ordering per connection is the sync: a later delta proves no earlier one is
// still on its way.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { renderMetrics } from "../../lib/observability/metrics.ts";
import type { JoinAck, PresenceDelta } from "../../lib/realtime/protocol.ts";
import { withRealtimeServer, type RealtimeTestBed } from "../helpers/realtime-server.ts";
import { seedIncident, seedOrganization, seedPeople, type SeededOrganization } from "../helpers/seed.ts";
import { collect, nextEvent, type TestClient } from "../helpers/socket-client.ts";
import type { Actor } from "../../lib/auth/actor.ts";

let realtime: RealtimeTestBed;
let acme: SeededOrganization;
let crowd: Actor[];
/** A fresh room per test, so one test's leaving clients are not the next one's deltas. */
let room: IncidentDto;

beforeAll(async () => {
  realtime = await withRealtimeServer();
  acme = await seedOrganization("Acme");
  crowd = await seedPeople(acme.id, 24, "Responder");
});

beforeEach(async () => {
  room = await seedIncident(acme.commander, { title: "Checkout down at peak", severity: "SEV1" });
});

afterEach(() => realtime.disconnectClients());
afterAll(() => realtime.close());

async function joined(client: TestClient, incidentId = room.id): Promise<Extract<JoinAck, { ok: true }>> {
  const ack = await client.emitWithAck("incident:join", { incidentId });
  if (!ack.ok) throw new Error(ack.error.message);
  return ack;
}

async function inRoom(actors: Actor[]): Promise<TestClient[]> {
  const clients = await Promise.all(actors.map((a) => realtime.signedIn(a.userId)));
  for (const c of clients) await joined(c);
  return clients;
}

/**
 * Waits until `watcher` has heard every join and leave so far: one more person joins, and their
 * delta, flushed after every earlier change, arrives last on the connection.
 */
async function settled(watcher: TestClient, sentinel: Actor): Promise<void> {
  const seen = nextEvent(watcher, "presence:delta", (d) => d.joined.some((u) => u.id === sentinel.userId));
  await joined(await realtime.signedIn(sentinel.userId));
  await seen;
}

const mentions = (deltas: PresenceDelta[], userId: string) =>
  deltas.filter((d) => d.joined.some((u) => u.id === userId) || d.left.includes(userId));

describe("joining a room", () => {
  it("answers with everyone present and the incident as it is now", async () => {
    const here = await inRoom(crowd.slice(0, 3));
    await updateIncident(acme.commander, room.id, { status: "identified" });
    const ivy = await realtime.signedIn(acme.commander.userId);
    const ack = await joined(ivy);
    expect(ack.presence.map((u) => u.id).sort()).toEqual([...crowd.slice(0, 3).map((a) => a.userId), acme.commander.userId].sort());
    expect(ack.presence.find((u) => u.id === acme.commander.userId)).toEqual({
      id: acme.commander.userId,
      name: acme.commander.name,
      role: "COMMANDER",
    });
    expect(ack.incident).toMatchObject({ id: room.id, severity: "SEV1", status: "identified" });
    expect(ack.incident.commander?.id).toBe(acme.commander.userId);
    expect(here).toHaveLength(3);
  });

  it("costs each person already there one small delta naming only the newcomer", async () => {
    const [watcher, ...others] = await inRoom(crowd.slice(0, 20));
    if (!watcher) throw new Error("no watcher");
    await settled(watcher, crowd[20] as Actor);
    const deltas = collect(watcher, "presence:delta");
    const arrived = nextEvent(watcher, "presence:delta", (d) => d.joined.some((u) => u.id === acme.viewer.userId));
    await joined(await realtime.signedIn(acme.viewer.userId));
    const delta = await arrived;
    expect(delta).toEqual({ incidentId: room.id, joined: [{ id: acme.viewer.userId, name: acme.viewer.name, role: "VIEWER" }], left: [] });
    // A later arrival's delta proves nothing else about the first one is still on its way.
    const later = nextEvent(watcher, "presence:delta", (d) => d.joined.some((u) => u.id === acme.admin.userId));
    await joined(await realtime.signedIn(acme.admin.userId));
    await later;
    expect(deltas).toHaveLength(2);
    expect(others).toHaveLength(19);
  });

  it("coalesces a crowd arriving together into a few deltas, never one per person", async () => {
    const watcher = (await inRoom([acme.commander]))[0];
    if (!watcher) throw new Error("no watcher");
    await settled(watcher, acme.admin);
    const deltas = collect(watcher, "presence:delta");
    const everyone = crowd.map((a) => a.userId);
    const seen = new Set<string>();
    const allHere = nextEvent(
      watcher,
      "presence:delta",
      (d) => {
        for (const u of d.joined) seen.add(u.id);
        return everyone.every((id) => seen.has(id));
      },
      15_000,
    );
    // Everyone at once, as on the night: the joins overlap and share presence windows.
    const clients = await Promise.all(crowd.map((a) => realtime.signedIn(a.userId)));
    await Promise.all(clients.map((c) => joined(c)));
    await allHere;
    expect(deltas.length).toBeLessThan(crowd.length / 2);
    // Each person named once: the full list is never sent again.
    expect(deltas.flatMap((d) => d.joined.map((u) => u.id)).sort()).toEqual([...everyone].sort());
  });
});

describe("metrics", () => {
  it("counts presence messages and the sockets in the fullest rooms", async () => {
    const before = /warroom_presence_messages_total (\d+)/.exec(await renderMetrics())?.[1] ?? "0";
    const [watcher] = await inRoom([acme.commander, ...crowd.slice(0, 5)]);
    if (!watcher) throw new Error("no watcher");
    await settled(watcher, acme.admin);
    const text = await renderMetrics();
    expect(text).toContain(`warroom_room_sockets{incident="${room.id}"} 7`);
    expect(Number(/warroom_presence_messages_total (\d+)/.exec(text)?.[1])).toBeGreaterThan(Number(before));
  });
});

describe("leaving a room", () => {
  it("tells the others who left, by id, on leave and on disconnect", async () => {
    const [watcher, riley, sam] = await inRoom([acme.commander, crowd[0] as Actor, crowd[1] as Actor]);
    if (!watcher || !riley || !sam) throw new Error("clients missing");
    await settled(watcher, acme.admin);
    const rileyLeft = nextEvent(watcher, "presence:delta", (d) => d.left.length > 0);
    riley.emit("incident:leave", { incidentId: room.id });
    expect(await rileyLeft).toEqual({ incidentId: room.id, joined: [], left: [crowd[0]?.userId] });

    const samGone = nextEvent(watcher, "presence:delta", (d) => d.left.length > 0);
    sam.disconnect();
    expect(await samGone).toEqual({ incidentId: room.id, joined: [], left: [crowd[1]?.userId] });
    const ack = await joined(await realtime.signedIn(acme.viewer.userId));
    expect(ack.presence.map((u) => u.id).sort()).toEqual([acme.commander.userId, acme.admin.userId, acme.viewer.userId].sort());
  });

  it("keeps a person present while another of their tabs is still in the room", async () => {
    const person = crowd[2] as Actor;
    const [watcher, tab1] = await inRoom([acme.commander, person]);
    await inRoom([person]);
    if (!watcher || !tab1) throw new Error("clients missing");
    await settled(watcher, acme.admin);
    const deltas = collect(watcher, "presence:delta");
    tab1.disconnect();
    const later = nextEvent(watcher, "presence:delta", (d) => d.joined.some((u) => u.id === acme.viewer.userId));
    await joined(await realtime.signedIn(acme.viewer.userId));
    await later;
    expect(mentions(deltas, person.userId)).toEqual([]);
  });
});

describe("a herd joining at once", () => {
  it("every join gets in, and an entry posted while they join reaches each of them (in its page or pushed)", async () => {
    const clients = await Promise.all(crowd.map((a) => realtime.signedIn(a.userId)));
    const pushed = clients.map((c) => collect(c, "timeline:event"));
    // The joins share reads (lib/db/coalesce.ts); an entry committed in the middle of them
    // must be either in a join's page or pushed to it afterwards, never neither.
    const acks = Promise.all(clients.map((c) => joined(c)));
    const { event } = await postEvent(acme.responder, room.id, { kind: "action", body: "Failed over to the secondary PSP" });
    const answered = await acks;
    // Pushes arrive in order on each connection: once a later entry is there, the earlier one is too.
    const sentinels = clients.map((c) => nextEvent(c, "timeline:event", (e) => e.event.body === "sentinel"));
    await postEvent(acme.responder, room.id, { kind: "note", body: "sentinel" });
    await Promise.all(sentinels);
    answered.forEach((ack, k) => {
      const inPage = ack.events.filter((e) => e.id === event.id).length;
      const viaPush = (pushed[k] ?? []).filter((p) => p.event.id === event.id).length;
      expect(inPage + viaPush, `client ${k}`).toBeGreaterThanOrEqual(1);
      expect(ack.incident).toMatchObject({ id: room.id, severity: "SEV1" });
    });
  });

  it("another organisation asking for the same room in the same moment is refused, while the herd gets in", async () => {
    const globex = await seedOrganization("Globex");
    const outsider = await realtime.signedIn(globex.admin.userId);
    const insiders = await Promise.all(crowd.slice(0, 5).map((a) => realtime.signedIn(a.userId)));
    const [refusedAck, ...acks] = await Promise.all(
      [outsider, ...insiders].map((c) => c.emitWithAck("incident:join", { incidentId: room.id })),
    );
    expect(refusedAck).toMatchObject({ ok: false, error: { code: "not_found" } });
    for (const ack of acks) expect(ack.ok).toBe(true);
  });
});
