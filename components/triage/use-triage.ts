"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ImpactSummaryDto, TriageDto, TriageRowDto } from "@/lib/impact/impact-dto.ts";
import { compareTriage } from "@/lib/impact/priority.ts";
import { apiRequest } from "../api/api-client.ts";
import { getSocket } from "../realtime/socket-client.ts";

export interface LiveRow {
  row: TriageRowDto;
  /** When this browser received the row's impact: loss ticks from here. */
  receivedAt: number;
}

const REFRESH_MS = 60_000;

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

  useEffect(() => {
    const socket = getSocket();
    const onImpact = ({ incidentId, impact }: { incidentId: string; impact: ImpactSummaryDto }) => {
      setRows((cur) => {
        const at = cur.findIndex((r) => r.row.incident.id === incidentId);
        const existing = cur[at];
        if (!existing || existing.row.impact.asOf > impact.asOf) return cur;
        const next = [...cur];
        next[at] = { row: { ...existing.row, impact }, receivedAt: Date.now() };
        return ranked(next);
      });
    };
    // A new stakeholder update moves (or clears) the row's "update overdue" flag.
    const onStakeholder = ({ incidentId, update }: { incidentId: string; update: { nextUpdateBy: string | null } }) => {
      setRows((cur) => cur.map((r) => (r.row.incident.id === incidentId ? { ...r, row: { ...r.row, stakeholderUpdateDueAt: update.nextUpdateBy } } : r)));
    };
    socket.on("impact:updated", onImpact);
    socket.on("stakeholder:updated", onStakeholder);
    socket.on("incident:declared", soon);
    socket.on("incident:updated", soon);
    socket.on("connect", soon);
    const timer = setInterval(() => void refetch(), REFRESH_MS);
    return () => {
      clearInterval(timer);
      clearTimeout(pending.current);
      socket.off("impact:updated", onImpact);
      socket.off("stakeholder:updated", onStakeholder);
      socket.off("incident:declared", soon);
      socket.off("incident:updated", soon);
      socket.off("connect", soon);
    };
  }, [refetch, soon]);

  return { rows, failed };
}
