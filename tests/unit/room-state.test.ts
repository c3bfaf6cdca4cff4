import { describe, expect, it } from "vitest";
import type { AmendmentChange } from "../../lib/timeline/amendment.ts";
import type { TimelineEventDto } from "../../lib/timeline/event-dto.ts";
import { applyRoomAction, hasGap, initialRoomState, type PendingEntry, type RoomState } from "../../lib/timeline/room-state.ts";

function ev(seq: number, clientId: string | null = null, overrides: Partial<TimelineEventDto> = {}): TimelineEventDto {
  const at = new Date(Date.UTC(2026, 10, 27, 9, 0, seq)).toISOString();
  return {
    id: `event-${seq}`,
    incidentId: "incident-1",
    seq,
    kind: "note",
    body: `entry ${seq}`,
    data: null,
    clientId,
    occurredAt: at,
    recordedAt: at,
    author: { id: "user-1", name: "Riley" },
    pinned: false,
    struck: null,
    editedAt: null,
    revisionCount: 0,
    targetSeq: null,
    ...overrides,
  };
}

/** An amendment at `seq` changing entry `target` to `entry` (as the server writes it). */
function amendment(seq: number, change: AmendmentChange, entry: TimelineEventDto): TimelineEventDto {
  return ev(seq, null, {
    kind: "amendment",
    body: `Casey ${change} #${entry.seq}`,
    targetSeq: entry.seq,
    data: { change, entry },
    author: { id: "user-2", name: "Casey" },
  });
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

describe("room state: amendments (changes to earlier entries)", () => {
  const bodyOf = (state: RoomState, seq: number) => state.events.find((e) => e.seq === seq);

  it("replaces the changed entry with the snapshot the amendment carries, and keeps the amendment in sequence", () => {
    const action = ev(2, null, { kind: "action", data: { outcome: "pending" } });
    let state = initialRoomState([ev(1), action, ev(3)], false);
    const worked = { ...action, data: { outcome: "worked" }, revisionCount: 1 };
    state = received(state, amendment(4, "outcome", worked));
    expect(bodyOf(state, 2)).toEqual(worked);
    expect(seqs(state)).toEqual([1, 2, 3, 4]);
    expect(state.lastSeq).toBe(4);
  });

  // A memoised list then re-renders only the changed entry.
  it("leaves every other entry object untouched (same identity)", () => {
    const before = initialRoomState(range(1, 5), false);
    const after = received(before, amendment(6, "pin", { ...ev(3), pinned: true }));
    after.events.slice(0, 5).forEach((e, i) => {
      if (e.seq !== 3) expect(e).toBe(before.events[i]);
    });
    expect(bodyOf(after, 3)?.pinned).toBe(true);
  });

  it("applies several changes to one entry in order: the latest wins", () => {
    let state = initialRoomState(range(1, 3), false);
    state = received(
      state,
      amendment(5, "strike", { ...ev(2), struck: { at: "2026-11-27T09:10:00.000Z", reason: "duplicate", by: null } }),
      amendment(4, "pin", { ...ev(2), pinned: true }),
    );
    expect(bodyOf(state, 2)?.struck?.reason).toBe("duplicate");
    expect(bodyOf(state, 2)?.pinned).toBe(false);
    expect(seqs(state)).toEqual([1, 2, 3, 4, 5]);
  });

  it("is harmless for an entry that is not loaded, and a later older page does not undo it", () => {
    let state = initialRoomState(range(10, 12), true);
    const corrected = { ...ev(3), body: "entry 3, corrected", editedAt: "2026-11-27T09:20:00.000Z", revisionCount: 1 };
    state = received(state, amendment(13, "correct", corrected));
    expect(seqs(state)).toEqual([10, 11, 12, 13]);
    expect(hasGap(state)).toBe(false);
    // The older page was read before the correction committed: the room keeps what it applied.
    state = applyRoomAction(state, { type: "olderLoaded", events: range(1, 9), hasMore: false });
    expect(bodyOf(state, 3)?.body).toBe("entry 3, corrected");
    expect(bodyOf(state, 4)?.body).toBe("entry 4");
  });

  it("does not apply the amendments inside an older page again (they are history)", () => {
    // Entry 2 was pinned (amendment 3) and later unpinned (amendment 11, already applied here).
    let state = initialRoomState(range(10, 10), true);
    state = received(state, amendment(11, "unpin", ev(2)));
    const olderPage = [ev(1), ev(2), amendment(3, "pin", { ...ev(2), pinned: true }), ...range(4, 9)];
    state = applyRoomAction(state, { type: "olderLoaded", events: olderPage, hasMore: false });
    expect(bodyOf(state, 2)?.pinned).toBe(false);
    expect(seqs(state)).toEqual(range(1, 11).map((e) => e.seq));
  });

  it("waits behind a gap like any event, then applies in order once the gap fills", () => {
    let state = initialRoomState(range(1, 3), false);
    state = received(state, amendment(5, "correct", { ...ev(4), body: "entry 4, corrected" }));
    expect(hasGap(state)).toBe(true);
    expect(bodyOf(state, 4)).toBeUndefined();
    state = received(state, ev(4));
    expect(seqs(state)).toEqual([1, 2, 3, 4, 5]);
    expect(bodyOf(state, 4)?.body).toBe("entry 4, corrected");
    expect(hasGap(state)).toBe(false);
  });

  it("ignores an amendment it already applied, pushed again after the API answered", () => {
    let state = initialRoomState(range(1, 3), false);
    const pinned = amendment(4, "pin", { ...ev(2), pinned: true });
    state = received(state, pinned);
    const again = received(state, pinned);
    expect(again).toBe(state);
  });

  it("applies an amendment whose entry arrives in the same catch-up batch", () => {
    let state = initialRoomState(range(1, 2), false);
    state = received(
      state,
      ev(3, null, { kind: "action", data: { outcome: "pending" } }),
      amendment(4, "outcome", ev(3, null, { kind: "action", data: { outcome: "failed" } })),
    );
    expect(bodyOf(state, 3)?.data).toEqual({ outcome: "failed" });
  });

  it("ignores a malformed amendment instead of replacing an entry with garbage", () => {
    let state = initialRoomState(range(1, 3), false);
    state = received(state, ev(4, null, { kind: "amendment", targetSeq: 2, data: { change: "pin", entry: { ...ev(3), pinned: true } } }));
    expect(bodyOf(state, 2)).toEqual(ev(2));
    expect(bodyOf(state, 3)).toEqual(ev(3));
    expect(state.lastSeq).toBe(4);
  });
});
