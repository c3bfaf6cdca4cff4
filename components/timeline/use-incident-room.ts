"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import type { PostableKind } from "@/lib/vocabulary/timeline.ts";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { hasGap, initialRoomState, type PendingEntry } from "@/lib/timeline/room-state.ts";
import { apiRequest, type ApiResult } from "../api/api-client.ts";
import { createPresenceStore } from "../presence/presence-store.ts";
import { getSocket } from "../realtime/socket-client.ts";
import { useSocketSubscription } from "../realtime/use-socket-subscription.ts";
import { loadOutbox, newClientId, saveOutbox } from "./outbox-storage.ts";
import { createRoomStore, useRoomState } from "./room-store.ts";

interface EventPage {
  events: TimelineEventDto[];
  lastSeq: number;
  hasMore: boolean;
}

/** What the API answers for a change to an entry (PATCH, pin, strike). */
export interface EntryChange {
  entry: TimelineEventDto;
  amendment: TimelineEventDto | null;
}

export type EntryPatch = { body?: string; data?: Record<string, unknown> };

const RETRY_MS = 4000;
const OLDER_PAGE = 200;

/** Everything live about one room's timeline: events in sequence order, presence, outbox. */
export function useIncidentRoom(
  initialIncident: IncidentDto,
  initialEvents: TimelineEventDto[],
  initialHasOlder: boolean,
  onIncident: (incident: IncidentDto) => void,
) {
  const incidentId = initialIncident.id;
  const [store] = useState(() => createRoomStore(initialRoomState(initialEvents, initialHasOlder)));
  const state = useRoomState(store);
  const { dispatch, get: current } = store;
  const [presence] = useState(createPresenceStore);
  const flushing = useRef(false);
  // The server answered 5xx to a post (database unreachable): entries wait in the outbox.
  const [isServerDown, setServerDown] = useState(false);

  // Catch up on everything after `after`, page by page (used on reconnect and on a gap).
  const catchUp = useCallback(
    async (after: number) => {
      for (let from = after, more = true; more;) {
        const res = await apiRequest<EventPage>(`/api/incidents/${incidentId}/events?after=${from}&limit=500`);
        if (!res.ok) return;
        dispatch({ type: "received", events: res.data.events });
        more = res.data.hasMore;
        from = res.data.events.at(-1)?.seq ?? from;
      }
    },
    [incidentId, dispatch],
  );

  // Sends queued entries one at a time, in order; stops at the first that cannot go now.
  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    // Accepted by the server but maybe not on screen yet (behind a gap, still pending): sent once.
    const sent = new Set<string>();
    try {
      for (;;) {
        const next = current().pending.find((p) => p.state !== "failed" && !sent.has(p.clientId));
        if (!next) return;
        dispatch({ type: "pendingState", clientId: next.clientId, state: "sending" });
        const res = await apiRequest<TimelineEventDto>(`/api/incidents/${incidentId}/events`, {
          method: "POST",
          body: { kind: next.kind, body: next.body, data: next.data ?? undefined, clientId: next.clientId, occurredAt: next.occurredAt },
        });
        if (res.ok) {
          setServerDown(false);
          sent.add(next.clientId);
          dispatch({ type: "received", events: [res.data] });
          continue;
        }
        const retryable = res.error.status === 0 || res.error.status >= 500 || res.error.status === 429;
        if (res.error.status >= 500) setServerDown(true);
        dispatch({ type: "pendingState", clientId: next.clientId, state: retryable ? "queued" : "failed", error: res.error.message });
        if (retryable) return;
      }
    } finally {
      flushing.current = false;
    }
  }, [incidentId, dispatch, current]);

  // Restore entries left in the outbox by an earlier visit, then try to send them.
  useEffect(() => {
    for (const entry of loadOutbox(incidentId)) dispatch({ type: "queued", entry });
    void flush();
  }, [incidentId, flush, dispatch]);

  useEffect(() => saveOutbox(incidentId, state.pending), [incidentId, state.pending]);

  // Join on mount and again after every reconnect, from the last entry seen: the ack brings only
  // what was missed, everyone present and the incident as it is now (the header is right again).
  useSocketSubscription({
    on: {
      "timeline:event": (p) => {
        if (p.incidentId === incidentId) dispatch({ type: "received", events: [p.event] });
      },
      "presence:delta": (p) => {
        if (p.incidentId === incidentId) presence.apply(p);
      },
    },
    resync: (socket) =>
      socket.emit("incident:join", { incidentId, afterSeq: current().lastSeq }, (ack) => {
        if (!ack.ok) return;
        dispatch({ type: "received", events: ack.events });
        presence.replace(ack.presence);
        onIncident(ack.incident);
        if (ack.hasMore) void catchUp(ack.events.at(-1)?.seq ?? current().lastSeq);
        void flush();
      }),
    resyncOnMount: true,
  });
  useEffect(() => {
    const onOnline = () => void flush();
    window.addEventListener("online", onOnline);
    return () => {
      getSocket().emit("incident:leave", { incidentId });
      window.removeEventListener("online", onOnline);
    };
  }, [incidentId, flush]);

  // A pushed event arrived ahead of one we have not seen: fetch the missing range.
  const gap = hasGap(state);
  useEffect(() => {
    if (gap) void catchUp(current().lastSeq);
  }, [gap, catchUp, current]);

  // Keep retrying queued entries while any are waiting.
  const waiting = state.pending.some((p) => p.state === "queued");
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void flush(), RETRY_MS);
    return () => clearInterval(timer);
  }, [waiting, flush]);

  const post = useCallback(
    (kind: PostableKind, body: string, occurredAt?: string, data?: Record<string, unknown> | null) => {
      const entry: PendingEntry = {
        clientId: newClientId(),
        kind,
        body,
        data,
        occurredAt,
        createdAt: new Date().toISOString(),
        state: "queued",
      };
      dispatch({ type: "queued", entry });
      void flush();
    },
    [flush, dispatch],
  );

  const retry = useCallback(
    (clientId: string) => {
      dispatch({ type: "pendingState", clientId, state: "queued" });
      void flush();
    },
    [flush, dispatch],
  );

  const discard = useCallback((clientId: string) => dispatch({ type: "discarded", clientId }), [dispatch]);

  const loadOlder = useCallback(async (): Promise<void> => {
    const first = current().events[0]?.seq;
    if (!first) return;
    const res = await apiRequest<EventPage>(`/api/incidents/${incidentId}/events?before=${first}&limit=${OLDER_PAGE}`);
    if (res.ok) dispatch({ type: "olderLoaded", events: res.data.events, hasMore: res.data.hasMore });
  }, [incidentId, dispatch, current]);

  /**
   * Loads earlier pages until entry `seq` is loaded (jumping to a pinned entry or a search match),
   * applying them in one go: one render for the whole jump, not one per page.
   */
  const loadOlderUntil = useCallback(
    async (seq: number): Promise<void> => {
      let first: number = current().events[0]?.seq ?? 0;
      if (first <= seq || !current().hasOlder) return;
      const pages: TimelineEventDto[][] = [];
      let hasMore = true;
      while (first > seq && hasMore) {
        const res: ApiResult<EventPage> = await apiRequest<EventPage>(`/api/incidents/${incidentId}/events?before=${first}&limit=500`);
        if (!res.ok || res.data.events.length === 0) break;
        pages.unshift(res.data.events);
        hasMore = res.data.hasMore;
        first = res.data.events[0]?.seq ?? 0;
      }
      if (pages.length) dispatch({ type: "olderLoaded", events: pages.flat(), hasMore });
    },
    [incidentId, dispatch, current],
  );

  // Changes to entries go straight to the API (they need the server's verdict, so no outbox);
  // the answer carries the amendment, applied at once like a pushed one (duplicates are ignored).
  const change = useCallback(
    async (seq: number, path: "" | "/pin" | "/strike", method: string, body?: unknown): Promise<ApiResult<EntryChange>> => {
      const res = await apiRequest<EntryChange>(`/api/incidents/${incidentId}/events/${seq}${path}`, { method, body });
      if (res.ok && res.data.amendment) dispatch({ type: "received", events: [res.data.amendment] });
      return res;
    },
    [incidentId, dispatch],
  );
  const changes = useMemo(
    () => ({
      amend: (seq: number, patch: EntryPatch) => change(seq, "", "PATCH", patch),
      pin: (seq: number, pinned: boolean) => change(seq, "/pin", "POST", { pinned }),
      strike: (seq: number, reason: string) => change(seq, "/strike", "POST", { reason }),
      restore: (seq: number) => change(seq, "/strike", "DELETE"),
    }),
    [change],
  );

  return { incidentId, state, current, presence, isServerDown, post, retry, discard, loadOlder, loadOlderUntil, changes };
}

export type IncidentRoomState = ReturnType<typeof useIncidentRoom>;
export type EntryChanges = IncidentRoomState["changes"];
