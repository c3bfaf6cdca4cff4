"use client";
import { useCallback, useSyncExternalStore } from "react";
import type { ImpactSummaryDto } from "@/lib/impact/impact-dto.ts";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import { apiRequest } from "../api/api-client.ts";
import { getSocket } from "../realtime/socket-client.ts";

/** A summary and when this browser received it: ticking counts from receipt, not the server clock. */
export interface ImpactSnapshot {
  impact: ImpactSummaryDto;
  receivedAt: number;
}

interface Entry {
  snapshot: ImpactSnapshot | null;
  failed: boolean;
  listeners: Set<() => void>;
  stop?: () => void;
}

// One entry per incident, shared by the header and the side panel: one fetch, one socket
// subscription, one refresh timer however many components show the figures.
const entries = new Map<string, Entry>();
const REFRESH_MS = 60_000;

function entryFor(incidentId: string): Entry {
  let e = entries.get(incidentId);
  if (!e) {
    e = { snapshot: null, failed: false, listeners: new Set() };
    entries.set(incidentId, e);
  }
  return e;
}

function notify(e: Entry) {
  e.listeners.forEach((l) => l());
}

/** Keeps the newer of two summaries (a push and our own write's answer can cross). */
export function applyImpact(impact: ImpactSummaryDto): void {
  const e = entryFor(impact.incidentId);
  if (e.snapshot && e.snapshot.impact.asOf > impact.asOf) return;
  e.snapshot = { impact, receivedAt: Date.now() };
  e.failed = false;
  notify(e);
}

async function refresh(incidentId: string): Promise<void> {
  const res = await apiRequest<ImpactSummaryDto>(`/api/incidents/${incidentId}/impact`);
  if (res.ok) applyImpact(res.data);
  else {
    const e = entryFor(incidentId);
    e.failed = true;
    notify(e);
  }
}

function start(incidentId: string): () => void {
  const socket = getSocket();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Refresh at least every minute, and exactly when the baseline changes by itself.
  const schedule = () => {
    clearTimeout(timer);
    const until = entryFor(incidentId).snapshot?.impact.rateValidUntil;
    const wait = until ? Math.min(REFRESH_MS, Math.max(1000, Date.parse(until) - Date.now() + 500)) : REFRESH_MS;
    timer = setTimeout(() => void refresh(incidentId).finally(schedule), wait);
  };
  const onImpact = ({ incidentId: id, impact }: { incidentId: string; impact: ImpactSummaryDto }) => {
    if (id !== incidentId) return;
    applyImpact(impact);
    schedule();
  };
  // Resolving, re-opening or a role change moves loss, projection and response cost.
  const onIncident = ({ incident }: { incident: IncidentDto }) => {
    if (incident.id === incidentId) void refresh(incidentId);
  };
  const onConnect = () => void refresh(incidentId);
  socket.on("impact:updated", onImpact);
  socket.on("incident:updated", onIncident);
  socket.on("connect", onConnect);
  void refresh(incidentId).finally(schedule);
  return () => {
    clearTimeout(timer);
    socket.off("impact:updated", onImpact);
    socket.off("incident:updated", onIncident);
    socket.off("connect", onConnect);
  };
}

function subscribe(incidentId: string, listener: () => void): () => void {
  const e = entryFor(incidentId);
  e.listeners.add(listener);
  e.stop ??= start(incidentId);
  return () => {
    e.listeners.delete(listener);
    if (!e.listeners.size) {
      e.stop?.();
      e.stop = undefined;
    }
  };
}

/** The incident's live impact summary (null until the first answer) and whether loading failed. */
export function useIncidentImpact(incidentId: string): { snapshot: ImpactSnapshot | null; failed: boolean } {
  const sub = useCallback((l: () => void) => subscribe(incidentId, l), [incidentId]);
  const snapshot = useSyncExternalStore(
    sub,
    () => entryFor(incidentId).snapshot,
    () => null,
  );
  const failed = useSyncExternalStore(
    sub,
    () => entryFor(incidentId).failed,
    () => false,
  );
  return { snapshot, failed };
}
