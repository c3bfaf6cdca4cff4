"use client";
import { useCallback, useMemo, useState } from "react";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { historyQuery, type TimelineFilters } from "@/lib/timeline/timeline-view.ts";
import { apiRequest } from "../api/api-client.ts";

const PAGE = 50;

interface Result {
  key: string;
  events: TimelineEventDto[];
  hasMore: boolean;
}

/**
 * Older matches for the current filters, from the server's history view: what the loaded page
 * cannot show. Results belong to the filters they were asked for and vanish when those change.
 */
export function useHistorySearch(
  incidentId: string,
  filters: TimelineFilters,
  firstLoadedSeq: number | undefined,
  amended: Record<number, TimelineEventDto>,
) {
  const [result, setResult] = useState<Result | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = historyQuery(filters, undefined, PAGE).toString();

  const search = useCallback(
    async (more: boolean) => {
      const before = more ? result?.events[0]?.seq : firstLoadedSeq;
      if (before === undefined) return;
      setLoading(true);
      setError(null);
      const res = await apiRequest<{ events: TimelineEventDto[]; hasMore: boolean }>(
        `/api/incidents/${incidentId}/events?${historyQuery(filters, before, PAGE).toString()}`,
      );
      setLoading(false);
      if (!res.ok) return setError(res.error.message);
      setResult((prev) => ({
        key,
        events: more && prev?.key === key ? [...res.data.events, ...prev.events] : res.data.events,
        hasMore: res.data.hasMore,
      }));
    },
    [incidentId, filters, firstLoadedSeq, key, result],
  );

  const current = result?.key === key ? result : null;
  // Entries since loaded into the timeline show there; changes applied since show here too.
  const events = useMemo(
    () => (current?.events ?? []).filter((e) => firstLoadedSeq === undefined || e.seq < firstLoadedSeq).map((e) => amended[e.seq] ?? e),
    [current, firstLoadedSeq, amended],
  );
  return { searched: current !== null, events, hasMore: current?.hasMore ?? false, loading, error, search };
}
