import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import type { JoinAck } from "../../lib/realtime/protocol.ts";
import { amendEvent } from "../../lib/timeline/amend-event.ts";
import { amendmentOf } from "../../lib/timeline/amendment.ts";
import { pinEvent } from "../../lib/timeline/pin-event.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { strikeEvent } from "../../lib/timeline/strike-event.ts";
import { appErrorOf } from "../helpers/app-error.ts";
import { withRealtimeServer, type RealtimeTestBed } from "../helpers/realtime-server.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { collect, nextEvent, type TestClient } from "../helpers/socket-client.ts";

let realtime: RealtimeTestBed;
let org: SeededOrganization;
let incident: IncidentDto;

beforeAll(async () => {
  realtime = await withRealtimeServer();
  org = await seedOrganization();
  incident = await seedIncident(org.commander);
});
afterEach(() => realtime.disconnectClients());
afterAll(() => realtime.close());

async function joined(userId: string, afterSeq?: number): Promise<{ client: TestClient; ack: JoinAck }> {
  const client = await realtime.signedIn(userId);
  const ack = await client.emitWithAck(
    "incident:join",
    afterSeq === undefined ? { incidentId: incident.id } : { incidentId: incident.id, afterSeq },
  );
  return { client, ack };
}

describe("changes to entries, live", () => {
  it("pushes each change to the room as an amendment carrying the changed entry", async () => {
    const { event: action } = await postEvent(org.responder, incident.id, { kind: "action", body: "Failed over to the backup PSP" });
    const { client: viewer } = await joined(org.viewer.userId);
    const pushed = nextEvent(viewer, "timeline:event", (p) => p.event.kind === "amendment");
    const { amendment } = await amendEvent(org.responder, incident.id, action.seq, { data: { outcome: "worked" } });
    const { event } = await pushed;
    expect(event).toEqual(amendment);
    expect(amendmentOf(event)?.entry).toMatchObject({ seq: action.seq, data: { outcome: "worked" } });
  });

  it("pushes nothing for a refused change", async () => {
    const { event: note } = await postEvent(org.admin, incident.id, { kind: "note", body: "Not mine to change" });
    const { client: viewer } = await joined(org.viewer.userId);
    const seen = collect(viewer, "timeline:event");
    await appErrorOf(amendEvent(org.responder, incident.id, note.seq, { body: "changed" }));
    await appErrorOf(strikeEvent(org.commander, incident.id, note.seq, {}));
    // A change that is accepted afterwards is the first thing pushed.
    const next = nextEvent(viewer, "timeline:event");
    await pinEvent(org.commander, incident.id, note.seq, { pinned: true });
    expect((await next).event.data).toMatchObject({ change: "pin" });
    expect(seen).toHaveLength(1);
  });

  it("gives a reconnecting browser the changes it missed, in order", async () => {
    const { event: note } = await postEvent(org.responder, incident.id, { kind: "note", body: "Queue depth 12k" });
    await pinEvent(org.commander, incident.id, note.seq, { pinned: true });
    await amendEvent(org.responder, incident.id, note.seq, { body: "Queue depth 1.2k" });
    const { ack } = await joined(org.viewer.userId, note.seq);
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.events.map((e) => [e.seq, e.kind, e.targetSeq])).toEqual([
      [note.seq + 1, "amendment", note.seq],
      [note.seq + 2, "amendment", note.seq],
    ]);
    expect(ack.events.at(-1) && amendmentOf(ack.events.at(-1)!)?.entry).toMatchObject({ body: "Queue depth 1.2k", pinned: true });
  });
});
