"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CatalogGraphDto } from "@/lib/catalog/get-catalog-graph.ts";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import type { ServiceHealthUpdate } from "@/lib/realtime/protocol.ts";
import { apiRequest } from "../../api/api-client.ts";
import { getSocket } from "../../realtime/socket-client.ts";
import { applyHealth, mergeFetched } from "./graph-health.ts";

/** Bursts of catalog or incident changes (an import, a storm of updates) cost one refetch. */
const REFETCH_DEBOUNCE_MS = 400;

/**
 * The dependency map, kept live: health arrives as `service:health` pushes and is applied in
 * place; catalog edits, incident changes (which services are impacted) and (re)connects trigger
 * a refetch. `onIncident` sees every incident change. `applyHealth` merges a fresher reading.
 */
export function useLiveGraph(initial: CatalogGraphDto, onIncident?: (incident: IncidentDto) => void) {
  const [graph, setGraph] = useState(initial);
  const applyUpdate = useCallback((update: ServiceHealthUpdate) => setGraph((g) => applyHealth(g, update)), []);
  const onIncidentRef = useRef(onIncident);
  useEffect(() => {
    onIncidentRef.current = onIncident;
  });

  useEffect(() => {
    const socket = getSocket();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const refetch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void apiRequest<CatalogGraphDto>("/api/catalog/graph").then((res) => {
          if (!cancelled && res.ok) setGraph((current) => mergeFetched(current, res.data));
        });
      }, REFETCH_DEBOUNCE_MS);
    };
    // Pushes sent before the socket was up (or while it was down) are gone: catch up on connect.
    const onConnect = refetch;
    const onIncidentChange = ({ incident }: { incident: IncidentDto }) => {
      onIncidentRef.current?.(incident);
      refetch();
    };
    socket.on("connect", onConnect);
    socket.on("service:health", applyUpdate);
    socket.on("catalog:changed", refetch);
    socket.on("incident:declared", onIncidentChange);
    socket.on("incident:updated", onIncidentChange);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      socket.off("connect", onConnect);
      socket.off("service:health", applyUpdate);
      socket.off("catalog:changed", refetch);
      socket.off("incident:declared", onIncidentChange);
      socket.off("incident:updated", onIncidentChange);
    };
  }, [applyUpdate]);

  return { graph, applyHealth: applyUpdate };
}
