"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import type { TriageDto, TriageRowDto } from "@/lib/impact/impact-dto.ts";
import { compareTriage } from "@/lib/impact/priority.ts";
import { apiRequest } from "../api/api-client.ts";
import { useSocketSubscription } from "../realtime/use-socket-subscription.ts";

export interface LiveRow {
  row: TriageRowDto;
  /** When this browser received the row's impact: loss ticks from here. */
  receivedAt: number;
}

const REFRESH_MS = 60_000;

/** The fields of a pushed incident that the row's incident also has. */
function pick(pushed: IncidentDto, current: TriageRowDto["incident"]): Partial<TriageRowDto["incident"]> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(current)) if (k in pushed) out[k] = (pushed as unknown as Record<string, unknown>)[k];
  return out as Partial<TriageRowDto["incident"]>;
}

const key = (r: LiveRow) => ({
  score: r.row.impact.priority.score,
  revenuePerMinute: r.row.impact.perMinute.revenue,
  severity: r.row.incident.severity,
  startedAt: r.row.incident.startedAt,
});
const ranked = (rows: LiveRow[]) => [...rows].sort((a, b) => compareTriage(key(a), key(b)));

/**
 * The board, live: an impact push updates its row and re-ranks at once; a declared or changed
 * incident (status, severity, command) refetches the board; and it refreshes every minute so
 * notification state and the baseline's hour stay current.
 */
export function useTriage(initial: TriageDto) {
  const [rows, setRows] = useState<LiveRow[]>(() => initial.incidents.map((row) => ({ row, receivedAt: Date.now() })));
  const [failed, setFailed] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refetch = useCallback(async () => {
    const res = await apiRequest<TriageDto>("/api/triage");
    setFailed(!res.ok);
    if (res.ok) {
      const now = Date.now();
      setRows(ranked(res.data.incidents.map((row) => ({ row, receivedAt: now }))));
    }
  }, []);

  // Bursts of changes (a status and a role in a row) cost one request.
  const soon = useCallback(() => {
    clearTimeout(pending.current);
    pending.current = setTimeout(() => void refetch(), 250);
  }, [refetch]);

  useSocketSubscription({
    on: {
      // The money at stake moved: patch the row and re-rank, no request.
      "impact:updated": ({ incidentId, impact }) =>
        setRows((cur) => {
          const at = cur.findIndex((r) => r.row.incident.id === incidentId);
          const existing = cur[at];
          if (!existing || existing.row.impact.asOf > impact.asOf) return cur;
          const next = [...cur];
          next[at] = { row: { ...existing.row, impact }, receivedAt: Date.now() };
          return ranked(next);
        }),
      // A new stakeholder update moves (or clears) the row's "update overdue" flag.
      "stakeholder:updated": ({ incidentId, update }) =>
        setRows((cur) =>
          cur.map((r) => (r.row.incident.id === incidentId ? { ...r, row: { ...r.row, stakeholderUpdateDueAt: update.nextUpdateBy } } : r)),
        ),
      // Severity, status or commander changed: patch the row from the pushed incident at once
      // (ranking by severity included); the refetch brings what only the server knows.
      "incident:updated": ({ incident }) => {
        setRows((cur) =>
          ranked(
            cur.map((r) =>
              r.row.incident.id === incident.id
                ? { ...r, row: { ...r.row, incident: { ...r.row.incident, ...pick(incident, r.row.incident) } } }
                : r,
            ),
          ),
        );
        soon();
      },
      "incident:declared": soon,
    },
    resync: soon,
  });
  useEffect(() => {
    const timer = setInterval(() => void refetch(), REFRESH_MS);
    return () => {
      clearInterval(timer);
      clearTimeout(pending.current);
    };
  }, [refetch]);

  return { rows, failed };
}
