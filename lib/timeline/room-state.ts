import { amendmentOf } from "./amendment.ts";
import type { EventKindName, PostableKind } from "../vocabulary/timeline.ts";
import type { TimelineEventDto } from "./event-dto.ts";

// Pure state for a room's timeline in the browser: applies pushed, fetched and confirmed events
// in sequence order with no gaps and no duplicates, and tracks the outbox of unsent entries.
// A change to an earlier entry arrives as an amendment event in the same stream; applying it
// replaces the entry with the snapshot it carries.

export type PendingState = "sending" | "queued" | "failed";

export interface PendingEntry {
  clientId: string;
  kind: PostableKind;
  body: string;
  /** Kind-specific fields (notification target and channel, link url…). */
  data?: Record<string, unknown> | null;
  occurredAt?: string;
  createdAt: string;
  state: PendingState;
  error?: string;
}

export interface RoomState {
  /** Confirmed events, contiguous in seq, oldest first (amendments included: they hold seqs too). */
  events: TimelineEventDto[];
  /**
   * The latest snapshot of every entry changed by an amendment applied here, by seq, loaded or
   * not: an older page fetched later may have been read before that change, and must not undo it.
   */
  amended: Record<number, TimelineEventDto>;
  /** Highest seq applied without a gap (0 before anything). */
  lastSeq: number;
  /** Events that arrived ahead of a gap, waiting for the missing ones. */
  ahead: Record<number, TimelineEventDto>;
  hasOlder: boolean;
  pending: PendingEntry[];
}

export type RoomAction =
  | { type: "received"; events: TimelineEventDto[] }
  | { type: "olderLoaded"; events: TimelineEventDto[]; hasMore: boolean }
  | { type: "reset"; events: TimelineEventDto[]; hasOlder: boolean }
  | { type: "queued"; entry: PendingEntry }
  | { type: "pendingState"; clientId: string; state: PendingState; error?: string }
  | { type: "discarded"; clientId: string };

export function initialRoomState(events: TimelineEventDto[], hasOlder: boolean, pending: PendingEntry[] = []): RoomState {
  return applyRoomAction({ events: [], amended: {}, lastSeq: 0, ahead: {}, hasOlder, pending }, { type: "reset", events, hasOlder });
}

export function hasGap(state: RoomState): boolean {
  return Object.keys(state.ahead).length > 0;
}

function merge(state: RoomState, incoming: TimelineEventDto[]): RoomState {
  const ahead = { ...state.ahead };
  for (const e of incoming) if (e.seq > state.lastSeq) ahead[e.seq] = e;
  const appended: TimelineEventDto[] = [];
  let lastSeq = state.lastSeq;
  for (let next = ahead[lastSeq + 1]; next; next = ahead[lastSeq + 1]) {
    appended.push(next);
    delete ahead[next.seq];
    lastSeq = next.seq;
  }
  // A pending entry is confirmed once its event is on screen: applied now or already before.
  // (One still waiting behind a gap stays pending, so the author never sees it vanish.)
  const onScreen = [...appended, ...incoming.filter((e) => e.seq <= state.lastSeq)];
  const confirmed = new Set(onScreen.map((e) => e.clientId).filter(Boolean));
  const pending = confirmed.size ? state.pending.filter((p) => !confirmed.has(p.clientId)) : state.pending;
  if (!appended.length && pending === state.pending && Object.keys(ahead).length === Object.keys(state.ahead).length) {
    return state;
  }
  if (!appended.length) return { ...state, lastSeq, ahead, pending };
  const { events, amended } = applyAmendments([...state.events, ...appended], state.amended, appended);
  return { ...state, events, amended, lastSeq, ahead, pending };
}

/**
 * Applies the amendments among `applied` (in seq order) to `events`, a fresh array this function
 * may change in place. An amendment for an entry that is not loaded only updates `amended`.
 */
function applyAmendments(
  events: TimelineEventDto[],
  amended: Record<number, TimelineEventDto>,
  applied: TimelineEventDto[],
): { events: TimelineEventDto[]; amended: Record<number, TimelineEventDto> } {
  let next = amended;
  for (const e of applied) {
    const change = amendmentOf(e);
    if (!change) continue;
    if (next === amended) next = { ...amended };
    next[change.entry.seq] = change.entry;
    const index = indexOfSeq(events, change.entry.seq);
    if (index >= 0) events[index] = change.entry;
  }
  return { events, amended: next };
}

/** Events are contiguous in seq, so an entry's index is its offset from the first one. */
function indexOfSeq(events: TimelineEventDto[], seq: number): number {
  const first = events[0]?.seq;
  if (first === undefined) return -1;
  const guess = seq - first;
  if (events[guess]?.seq === seq) return guess;
  return events.findIndex((e) => e.seq === seq);
}

export function applyRoomAction(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case "received":
      return merge(state, action.events);
    case "reset": {
      // A fresh newest page: start the contiguous run at its first event.
      const sorted = [...action.events].sort((a, b) => a.seq - b.seq);
      const first = sorted[0];
      const base: RoomState = {
        ...state,
        events: [],
        amended: {},
        lastSeq: first ? first.seq - 1 : 0,
        ahead: {},
        hasOlder: action.hasOlder,
      };
      return merge(base, sorted);
    }
    case "olderLoaded": {
      const firstSeq = state.events[0]?.seq ?? state.lastSeq + 1;
      // An older page carries its entries as they are now, except for changes this room applied
      // after the page was read; the amendments inside it are history, not to be applied again.
      const older = action.events
        .filter((e) => e.seq < firstSeq)
        .sort((a, b) => a.seq - b.seq)
        .map((e) => state.amended[e.seq] ?? e);
      return { ...state, events: [...older, ...state.events], hasOlder: action.hasMore };
    }
    case "queued":
      if (state.pending.some((p) => p.clientId === action.entry.clientId)) return state;
      return { ...state, pending: [...state.pending, action.entry] };
    case "pendingState":
      return {
        ...state,
        pending: state.pending.map((p) => (p.clientId === action.clientId ? { ...p, state: action.state, error: action.error } : p)),
      };
    case "discarded":
      return { ...state, pending: state.pending.filter((p) => p.clientId !== action.clientId) };
  }
}

export function isSystemKind(kind: EventKindName): boolean {
  return kind === "status_change" || kind === "severity_change" || kind === "role_change" || kind === "impact_change";
}
