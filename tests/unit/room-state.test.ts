import { describe, expect, it } from "vitest";
import type { TimelineEventDto } from "../../lib/timeline/event-dto.ts";
import {
  applyRoomAction,
  hasGap,
  initialRoomState,
  type PendingEntry,
  type RoomState,
} from "../../lib/timeline/room-state.ts";

function ev(seq: number, clientId: string | null = null): TimelineEventDto {
  const at = new Date(Date.UTC(2026, 10, 27, 9, 0, seq)).toISOString();
  return {
    id: `event-${seq}`,
    incidentId: "incident-1",
    seq,
    kind: "note",
    body: `entry ${seq}`,
    clientId,
    occurredAt: at,
    recordedAt: at,
    author: { id: "user-1", name: "Riley" },
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ev(from + i));
const seqs = (state: RoomState) => state.events.map((e) => e.seq);
const received = (state: RoomState, ...events: TimelineEventDto[]) => applyRoomAction(state, { type: "received", events });

function pending(clientId: string, overrides: Partial<PendingEntry> = {}): PendingEntry {
  return { clientId, kind: "note", body: "restarted the sync", createdAt: "2026-11-27T09:00:00.000Z", state: "sending", ...overrides };
}

describe("room state: applying events", () => {
  it("applies events in sequence order", () => {
    let state = initialRoomState(range(1, 3), false);
    state = received(state, ev(4));
    state = received(state, ev(5), ev(6));
    expect(seqs(state)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(state.lastSeq).toBe(6);
    expect(hasGap(state)).toBe(false);
  });

  it("ignores an event it already has, pushed twice or fetched again", () => {
    const state = initialRoomState(range(1, 4), false);
    const again = received(state, ev(4), ev(2));
    expect(again).toBe(state);
    expect(seqs(again)).toEqual([1, 2, 3, 4]);
  });

  it("buffers events that arrive ahead of a gap and drains them when the gap fills", () => {
    let state = initialRoomState(range(1, 2), false);
    state = received(state, ev(5), ev(4));
    expect(seqs(state)).toEqual([1, 2]);
    expect(hasGap(state)).toBe(true);

    state = received(state, ev(3));
    expect(seqs(state)).toEqual([1, 2, 3, 4, 5]);
    expect(state.lastSeq).toBe(5);
    expect(hasGap(state)).toBe(false);
  });

  it("keeps reporting a gap until every missing event has arrived", () => {
    let state = initialRoomState(range(1, 1), false);
    state = received(state, ev(3), ev(5));
    state = received(state, ev(2));
    expect(seqs(state)).toEqual([1, 2, 3]);
    expect(hasGap(state)).toBe(true);
    state = received(state, ev(4));
    expect(seqs(state)).toEqual([1, 2, 3, 4, 5]);
    expect(hasGap(state)).toBe(false);
  });

  it("starts from an empty timeline at seq 1", () => {
    const state = received(initialRoomState([], false), ev(1));
    expect(seqs(state)).toEqual([1]);
  });
});

describe("room state: paging", () => {
  it("reset starts the room at the newest page, dropping buffered events", () => {
    let state = received(initialRoomState(range(1, 2), false), ev(9));
    state = applyRoomAction(state, { type: "reset", events: [ev(12), ev(10), ev(11)], hasOlder: true });
    expect(seqs(state)).toEqual([10, 11, 12]);
    expect(state.lastSeq).toBe(12);
    expect(state.hasOlder).toBe(true);
    expect(hasGap(state)).toBe(false);
  });

  it("prepends an older page in order, without duplicating what is shown", () => {
    let state = initialRoomState(range(10, 12), true);
    state = applyRoomAction(state, { type: "olderLoaded", events: [ev(9), ev(7), ev(8), ev(10)], hasMore: true });
    expect(seqs(state)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(state.hasOlder).toBe(true);
    state = applyRoomAction(state, { type: "olderLoaded", events: range(1, 6), hasMore: false });
    expect(seqs(state)).toEqual(range(1, 12).map((e) => e.seq));
    expect(state.hasOlder).toBe(false);
    expect(state.lastSeq).toBe(12);
  });
});

describe("room state: outbox", () => {
  it("removes a pending entry once the server's event with its clientId arrives", () => {
    let state = initialRoomState(range(1, 2), false);
    state = applyRoomAction(state, { type: "queued", entry: pending("c-aaaaaaaa") });
    state = applyRoomAction(state, { type: "queued", entry: pending("c-bbbbbbbb") });
    state = received(state, ev(3, "c-aaaaaaaa"));
    expect(state.pending.map((p) => p.clientId)).toEqual(["c-bbbbbbbb"]);
    expect(seqs(state)).toEqual([1, 2, 3]);
  });

  it("keeps an entry pending while its confirmed event waits behind a gap, so it never vanishes", () => {
    let state = initialRoomState(range(1, 2), false);
    state = applyRoomAction(state, { type: "queued", entry: pending("c-aaaaaaaa") });
    state = received(state, ev(4, "c-aaaaaaaa"));
    expect(state.pending.map((p) => p.clientId)).toEqual(["c-aaaaaaaa"]);
    state = received(state, ev(3));
    expect(seqs(state)).toEqual([1, 2, 3, 4]);
    expect(state.pending).toEqual([]);
  });

  it("clears an entry restored from the outbox when its event is already on screen", () => {
    let state = initialRoomState([ev(1), ev(2, "c-aaaaaaaa")], false);
    state = applyRoomAction(state, { type: "queued", entry: pending("c-aaaaaaaa") });
    state = received(state, ev(2, "c-aaaaaaaa"));
    expect(state.pending).toEqual([]);
    expect(seqs(state)).toEqual([1, 2]);
  });

  it("does not queue the same entry twice", () => {
    let state = applyRoomAction(initialRoomState([], false), { type: "queued", entry: pending("c-aaaaaaaa") });
    state = applyRoomAction(state, { type: "queued", entry: pending("c-aaaaaaaa", { body: "other" }) });
    expect(state.pending).toHaveLength(1);
    expect(state.pending[0]?.body).toBe("restarted the sync");
  });

  it("moves an entry between sending, queued and failed, keeping the error to show", () => {
    let state = applyRoomAction(initialRoomState([], false), { type: "queued", entry: pending("c-aaaaaaaa") });
    state = applyRoomAction(state, { type: "pendingState", clientId: "c-aaaaaaaa", state: "queued" });
    expect(state.pending[0]?.state).toBe("queued");
    state = applyRoomAction(state, { type: "pendingState", clientId: "c-aaaaaaaa", state: "failed", error: "body too long" });
    expect(state.pending[0]).toMatchObject({ state: "failed", error: "body too long" });
    state = applyRoomAction(state, { type: "pendingState", clientId: "c-aaaaaaaa", state: "sending" });
    expect(state.pending[0]).toMatchObject({ state: "sending", error: undefined });
  });

  it("discards only the entry asked for", () => {
    let state = initialRoomState([], false, [pending("c-aaaaaaaa"), pending("c-bbbbbbbb")]);
    state = applyRoomAction(state, { type: "discarded", clientId: "c-aaaaaaaa" });
    expect(state.pending.map((p) => p.clientId)).toEqual(["c-bbbbbbbb"]);
  });
});
