import { describe, expect, it } from "vitest";
import { createRoomStore } from "../../components/timeline/room-store.ts";
import type { TimelineEventDto } from "../../lib/timeline/event-dto.ts";
import { initialRoomState, type PendingEntry } from "../../lib/timeline/room-state.ts";

function ev(seq: number, clientId: string | null = null): TimelineEventDto {
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
  };
}

const entry = (clientId: string): PendingEntry => ({
  clientId,
  kind: "note",
  body: clientId,
  createdAt: "2026-11-27T09:01:00.000Z",
  state: "queued",
});

describe("room store (what the outbox sender reads between renders)", () => {
  it("shows a dispatched change at once, before any render", () => {
    const store = createRoomStore(initialRoomState([ev(1)], false));
    store.dispatch({ type: "queued", entry: entry("a") });
    store.dispatch({ type: "queued", entry: entry("b") });
    expect(store.get().pending.map((p) => p.clientId)).toEqual(["a", "b"]);
    store.dispatch({ type: "pendingState", clientId: "a", state: "failed", error: "too long" });
    expect(store.get().pending.find((p) => p.state !== "failed")?.clientId).toBe("b");
    store.dispatch({ type: "received", events: [ev(2, "b")] });
    expect(store.get().pending.map((p) => p.clientId)).toEqual(["a"]);
    expect(store.get().lastSeq).toBe(2);
  });

  it("tells subscribers of changes only, and stops after unsubscribing", () => {
    const store = createRoomStore(initialRoomState([ev(1)], false));
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.dispatch({ type: "received", events: [ev(1)] });
    expect(calls).toBe(0);
    store.dispatch({ type: "received", events: [ev(2)] });
    expect(calls).toBe(1);
    unsubscribe();
    store.dispatch({ type: "received", events: [ev(3)] });
    expect(calls).toBe(1);
  });
});
