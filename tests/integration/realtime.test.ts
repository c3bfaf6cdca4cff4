import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { declareIncident } from "../../lib/incidents/declare-incident.ts";
import type { JoinAck, PresenceUser } from "../../lib/realtime/protocol.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { withRealtimeServer, type RealtimeTestBed } from "../helpers/realtime-server.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie, SESSION_COOKIE } from "../helpers/session-cookie.ts";
import { collect, nextEvent, refused, type TestClient } from "../helpers/socket-client.ts";

let realtime: RealtimeTestBed;
let acme: SeededOrganization;
let globex: SeededOrganization;
let incident: IncidentDto;

beforeAll(async () => {
  realtime = await withRealtimeServer();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
  incident = await seedIncident(acme.commander, { title: "Payment gateway timeouts" });
});

afterEach(() => realtime.disconnectClients());

afterAll(() => realtime.close());

function join(client: TestClient, incidentId: string, afterSeq?: number): Promise<JoinAck> {
  return client.emitWithAck("incident:join", afterSeq === undefined ? { incidentId } : { incidentId, afterSeq });
}

const ids = (users: PresenceUser[]) => users.map((u) => u.id).sort();

describe("connecting", () => {
  it.each([
    ["no cookie", undefined],
    ["a forged session", `${SESSION_COOKIE}=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.token.value.x`],
  ])("refuses %s as unauthorized", async (_, cookie) => {
    const client = realtime.client(cookie);
    expect(await refused(client)).toBe("unauthorized");
  });

  it("refuses a valid session for a user that no longer exists", async () => {
    const client = realtime.client(await sessionCookie(randomUUID()));
    expect(await refused(client)).toBe("unauthorized");
  });
});

describe("an incident room", () => {
  it("sends the timeline and who is here on join", async () => {
    const ivy = await realtime.signedIn(acme.commander.userId);
    const ack = await join(ivy, incident.id);
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.events.map((e) => [e.seq, e.kind])).toEqual([[1, "status_change"]]);
    expect(ack.lastSeq).toBe(1);
    expect(ack.presence).toEqual([{ id: acme.commander.userId, name: acme.commander.name, role: "COMMANDER" }]);
  });

  it("shows a second person arriving, delivers posts to both, and shows them leaving", async () => {
    const ivy = await realtime.signedIn(acme.commander.userId);
    const riley = await realtime.signedIn(acme.responder.userId);
    await join(ivy, incident.id);

    const rileyHere = nextEvent(ivy, "presence:delta", (p) => p.joined.some((u) => u.id === acme.responder.userId));
    const rileyAck = await join(riley, incident.id);
    const bothIds = [acme.commander.userId, acme.responder.userId].sort();
    expect(rileyAck.ok && ids(rileyAck.presence)).toEqual(bothIds);
    expect((await rileyHere).left).toEqual([]);

    const toIvy = nextEvent(ivy, "timeline:event");
    const toRiley = nextEvent(riley, "timeline:event");
    const { event } = await postEvent(acme.responder, incident.id, { kind: "action", body: "Paused OMS capture retries" });
    for (const pushed of await Promise.all([toIvy, toRiley])) {
      expect(pushed).toEqual({ incidentId: incident.id, event });
    }

    const rileyLeft = nextEvent(ivy, "presence:delta", (p) => p.left.includes(acme.responder.userId));
    riley.emit("incident:leave", { incidentId: incident.id });
    await rileyLeft;

    const rileyBack = nextEvent(ivy, "presence:delta", (p) => p.joined.some((u) => u.id === acme.responder.userId));
    await join(riley, incident.id);
    await rileyBack;
    const rileyGone = nextEvent(ivy, "presence:delta", (p) => p.left.includes(acme.responder.userId));
    riley.disconnect();
    await rileyGone;
  });

  it("lets a client that dropped off catch up on exactly what it missed, in order", async () => {
    const riley = await realtime.signedIn(acme.responder.userId);
    const ack = await join(riley, incident.id);
    if (!ack.ok) throw new Error(ack.error.message);
    const seenUpTo = ack.lastSeq;
    riley.disconnect();

    const missed = [];
    for (const body of ["PSP confirms degradation", "Switched to backup acquirer", "Error rate back under 1%"]) {
      missed.push((await postEvent(acme.commander, incident.id, { kind: "note", body })).event);
    }

    const back = await realtime.signedIn(acme.responder.userId);
    const catchUp = await join(back, incident.id, seenUpTo);
    if (!catchUp.ok) throw new Error(catchUp.error.message);
    expect(catchUp.events).toEqual(missed);
    expect(catchUp.events.map((e) => e.seq)).toEqual([seenUpTo + 1, seenUpTo + 2, seenUpTo + 3]);
    expect(catchUp.lastSeq).toBe(seenUpTo + 3);
    expect(catchUp.hasMore).toBe(false);
  });

  it("only pushes an incident's events to clients in its room", async () => {
    const other = await seedIncident(acme.commander, { title: "Search index stale" });
    const ivy = await realtime.signedIn(acme.commander.userId);
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
    const ivy = await realtime.signedIn(acme.commander.userId);
    const ack = await join(ivy, incident.id, 999_999);
    expect(ack.ok).toBe(false);
    const pushed = collect(ivy, "timeline:event");
    const watcher = await realtime.signedIn(acme.responder.userId);
    const joined = await join(watcher, incident.id);
    expect(joined.ok && ids(joined.presence)).not.toContain(acme.commander.userId);
    const seen = nextEvent(watcher, "timeline:event");
    await postEvent(acme.responder, incident.id, { kind: "note", body: "only for members" });
    await seen;
    expect(pushed).toEqual([]);
  });
});

describe("a refused join names the bad field, like a 422", () => {
  it.each([
    ["incidentId", { incidentId: 42 }],
    ["incidentId", { incidentId: undefined, afterSeq: 3 }],
    ["afterSeq", { afterSeq: -1 }],
    ["afterSeq", { afterSeq: 1.5 }],
  ])("%s in %j, and the socket joins nothing", async (field, bad) => {
    const ivy = await realtime.signedIn(acme.viewer.userId);
    const payload = { incidentId: incident.id, ...bad } as { incidentId: string };
    const ack = await ivy.emitWithAck("incident:join", payload);
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error.code).toBe("validation_failed");
    expect(ack.error.details?.fields.map((f) => f.field)).toEqual([field]);
    expect(ack.error.message).toContain(field);
    // Nothing of it stays: not present to others, not in the room.
    const pushed = collect(ivy, "timeline:event");
    const watcher = await realtime.signedIn(acme.responder.userId);
    const joined = await join(watcher, incident.id);
    expect(joined.ok && ids(joined.presence)).not.toContain(acme.viewer.userId);
    const seen = nextEvent(watcher, "timeline:event");
    await postEvent(acme.responder, incident.id, { kind: "note", body: `after a bad ${field}` });
    await seen;
    expect(pushed).toEqual([]);
  });

  it("postmortemId for a post-mortem join", async () => {
    const ivy = await realtime.signedIn(acme.viewer.userId);
    const ack = await ivy.emitWithAck("postmortem:join", { postmortemId: null } as unknown as { postmortemId: string });
    expect(ack).toEqual({
      ok: false,
      error: {
        code: "validation_failed",
        message: "Invalid input — postmortemId: postmortemId is required",
        details: { fields: [{ field: "postmortemId", message: "postmortemId is required" }] },
      },
    });
  });
});

describe("organisation boundaries", () => {
  it("will not let a client join another organisation's incident", async () => {
    const gus = await realtime.signedIn(globex.admin.userId);
    const ack = await join(gus, incident.id);
    expect(ack).toEqual({ ok: false, error: { code: "not_found", message: "Incident not found" } });
  });

  it("announces a declared incident to its own organisation only", async () => {
    const ivy = await realtime.signedIn(acme.commander.userId);
    const gus = await realtime.signedIn(globex.admin.userId);
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
