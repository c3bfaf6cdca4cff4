import type { EventKindName, PostableKind } from "./constants.ts";
import type { TimelineEventDto } from "./event-dto.ts";

// Pure state for a room's timeline in the browser: applies pushed, fetched and confirmed events
// in sequence order with no gaps and no duplicates, and tracks the outbox of unsent entries.

export type PendingState = "sending" | "queued" | "failed";

export interface PendingEntry {
  clientId: string;
  kind: PostableKind;
  body: string;
  occurredAt?: string;
  createdAt: string;
  state: PendingState;
  error?: string;
}

export interface RoomState {
  /** Confirmed events, contiguous in seq, oldest first. */
  events: TimelineEventDto[];
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
  return applyRoomAction({ events: [], lastSeq: 0, ahead: {}, hasOlder, pending }, { type: "reset", events, hasOlder });
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
  return { ...state, events: appended.length ? [...state.events, ...appended] : state.events, lastSeq, ahead, pending };
}

export function applyRoomAction(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case "received":
      return merge(state, action.events);
    case "reset": {
      // A fresh newest page: start the contiguous run at its first event.
      const sorted = [...action.events].sort((a, b) => a.seq - b.seq);
      const first = sorted[0];
      const base: RoomState = { ...state, events: [], lastSeq: first ? first.seq - 1 : 0, ahead: {}, hasOlder: action.hasOlder };
      return merge(base, sorted);
    }
    case "olderLoaded": {
      const firstSeq = state.events[0]?.seq ?? state.lastSeq + 1;
      const older = action.events.filter((e) => e.seq < firstSeq).sort((a, b) => a.seq - b.seq);
      return { ...state, events: [...older, ...state.events], hasOlder: action.hasMore };
    }
    case "queued":
      if (state.pending.some((p) => p.clientId === action.entry.clientId)) return state;
      return { ...state, pending: [...state.pending, action.entry] };
    case "pendingState":
      return {
        ...state,
        pending: state.pending.map((p) =>
          p.clientId === action.clientId ? { ...p, state: action.state, error: action.error } : p,
        ),
      };
    case "discarded":
      return { ...state, pending: state.pending.filter((p) => p.clientId !== action.clientId) };
  }
}

/** Kinds a person may type as a prefix: "/action restarted the sync". */
export function parseComposerInput(text: string, fallback: PostableKind): { kind: PostableKind; body: string } {
  const match = /^\/(note|action|decision|hypothesis)\b\s*/i.exec(text);
  if (!match?.[1]) return { kind: fallback, body: text.trim() };
  return { kind: match[1].toLowerCase() as PostableKind, body: text.slice(match[0].length).trim() };
}

export function isSystemKind(kind: EventKindName): boolean {
  return kind === "status_change" || kind === "severity_change" || kind === "role_change" || kind === "impact_change";
}
