"use client";
import { formatDuration, formatDateTime } from "@/lib/time/format.ts";
import { useTimeZone } from "./time-zone.tsx";
import { useNow } from "./use-now.ts";

/** Counts up from the incident's start (or shows the total once resolved). */
export function IncidentClock({ startedAt, resolvedAt }: { startedAt: string; resolvedAt: string | null }) {
  const now = useNow(1000);
  const { timeZone } = useTimeZone();
  const start = new Date(startedAt);
  const end = resolvedAt ? new Date(resolvedAt) : now;
  return (
    <span className="tabular font-mono" title={now ? `Started ${formatDateTime(start, timeZone, true)}` : undefined}>
      {end ? formatDuration(end.getTime() - start.getTime()) : "—"}
    </span>
  );
}
