"use client";
import { useCallback, useState } from "react";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import { useSocketSubscription } from "../realtime/use-socket-subscription.ts";

/**
 * The incident as everyone sees it now. Pushes, our own write responses and the room's join
 * acknowledgement (after a reconnect) can arrive in any order; every field change appends to the
 * timeline, so the higher lastSeq is the newer state.
 */
export function useLiveIncident(initial: IncidentDto) {
  const [incident, setIncident] = useState(initial);
  const apply = useCallback((next: IncidentDto) => {
    setIncident((current) => (next.id === current.id && next.lastSeq >= current.lastSeq ? next : current));
  }, []);
  useSocketSubscription({ on: { "incident:updated": ({ incident: next }) => apply(next) } });
  return { incident, apply };
}
