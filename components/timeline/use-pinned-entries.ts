"use client";
import { useEffect, useMemo, useState } from "react";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { pinnedEntries } from "@/lib/timeline/timeline-view.ts";
import { apiRequest } from "../api/api-client.ts";

/**
 * The key moments: pinned entries anywhere in the incident (the server lists them once, so
 * moments older than the loaded page are there too), kept current by every applied change.
 */
export function usePinnedEntries(incidentId: string, events: TimelineEventDto[], amended: Record<number, TimelineEventDto>) {
  const [fromServer, setFromServer] = useState<TimelineEventDto[]>([]);
  useEffect(() => {
    let live = true;
    void apiRequest<{ events: TimelineEventDto[] }>(`/api/incidents/${incidentId}/events?pinned=true&limit=100`).then((res) => {
      if (live && res.ok) setFromServer(res.data.events);
    });
    return () => {
      live = false;
    };
  }, [incidentId]);
  return useMemo(() => pinnedEntries(fromServer, events, amended), [fromServer, events, amended]);
}
