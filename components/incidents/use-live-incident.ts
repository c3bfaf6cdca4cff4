"use client";
import { useCallback, useEffect, useState } from "react";
import type { IncidentDto } from "@/lib/incidents/incident-dto.ts";
import { getSocket } from "../realtime/socket-client.ts";

/**
 * The incident as everyone sees it now. Pushes and our own write responses can arrive in any
 * order; every field change appends to the timeline, so the higher lastSeq is the newer state.
 */
export function useLiveIncident(initial: IncidentDto) {
  const [incident, setIncident] = useState(initial);
  const apply = useCallback((next: IncidentDto) => {
    setIncident((current) => (next.id === current.id && next.lastSeq >= current.lastSeq ? next : current));
  }, []);
  useEffect(() => {
    const socket = getSocket();
    const onUpdated = ({ incident: next }: { incident: IncidentDto }) => apply(next);
    socket.on("incident:updated", onUpdated);
    return () => {
      socket.off("incident:updated", onUpdated);
    };
  }, [apply]);
  return { incident, apply };
}
