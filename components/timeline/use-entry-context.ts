"use client";
import { useCallback, useState } from "react";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { apiRequest } from "../api/api-client.ts";

interface EventPage {
  events: TimelineEventDto[];
  hasMore: boolean;
}

export interface EntryContext {
  /** The entry jumped to. */
  around: number;
  events: TimelineEventDto[];
  hasEarlier: boolean;
  hasLater: boolean;
}

const BEFORE = 40;
const PAGE = 120;

/**
 * A view of the entries around one far back in the incident (a pinned moment from hours ago in a
 * room of 20,000 entries), fetched as one page instead of loading everything in between. The
 * live timeline keeps running underneath; "back to latest" returns to it.
 */
export function useEntryContext(incidentId: string) {
  const [context, setContext] = useState<EntryContext | null>(null);
  const [loading, setLoading] = useState(false);

  const fetchPage = useCallback(
    async (query: string) => {
      setLoading(true);
      const res = await apiRequest<EventPage>(`/api/incidents/${incidentId}/events?${query}`);
      setLoading(false);
      return res.ok ? res.data : null;
    },
    [incidentId],
  );

  const open = useCallback(
    async (seq: number): Promise<boolean> => {
      const after = Math.max(0, seq - BEFORE - 1);
      const page = await fetchPage(`after=${after}&limit=${PAGE}`);
      if (!page || !page.events.some((e) => e.seq === seq)) return false;
      setContext({ around: seq, events: page.events, hasEarlier: after > 0, hasLater: page.hasMore });
      return true;
    },
    [fetchPage],
  );

  const earlier = useCallback(async () => {
    const first = context?.events[0]?.seq;
    if (!context || first === undefined) return;
    const page = await fetchPage(`before=${first}&limit=${PAGE}`);
    if (page) setContext((c) => (c ? { ...c, events: [...page.events, ...c.events], hasEarlier: page.hasMore } : c));
  }, [context, fetchPage]);

  const later = useCallback(async () => {
    const last = context?.events.at(-1)?.seq;
    if (!context || last === undefined) return;
    const page = await fetchPage(`after=${last}&limit=${PAGE}`);
    if (page) setContext((c) => (c ? { ...c, events: [...c.events, ...page.events], hasLater: page.hasMore } : c));
  }, [context, fetchPage]);

  const close = useCallback(() => setContext(null), []);

  return { context, loading, open, earlier, later, close };
}
