"use client";
import "@xyflow/react/dist/style.css";
import "./map.css";
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  Panel,
  Position,
  ReactFlow,
  ReactFlowProvider,
  type Edge,
  type NodeChange,
} from "@xyflow/react";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { CatalogGraphDto } from "@/lib/catalog/get-catalog-graph.ts";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import type { ServiceHealthUpdate } from "@/lib/realtime/protocol.ts";
import { apiRequest } from "../../api/api-client.ts";
import { ConnectionIndicator } from "../../realtime/connection-indicator.tsx";
import { useConnection } from "../../realtime/use-connection.ts";
import { Button } from "../../ui/button.tsx";
import { useShortcut } from "../../ui/use-shortcut.ts";
import { IncidentBanner, type RadiusItem } from "./incident-banner.tsx";
import { MapLegend } from "./map-legend.tsx";
import { layoutGraph } from "./map-layout.ts";
import { HEALTH_INFO, NODE_HEIGHT, NODE_WIDTH, teamColors } from "./map-style.ts";
import { MAP_SEARCH_ID, MapToolbar } from "./map-toolbar.tsx";
import { computeMapView, edgeKey, incidentOverlay, type MapFilters } from "./map-view.ts";
import { ServiceDrawer } from "./service-drawer.tsx";
import { ServiceNode, type ServiceNodeType } from "./service-node.tsx";
import { useLiveGraph } from "./use-live-graph.ts";
import { FIT_PADDING, useMapViewport } from "./use-map-viewport.ts";

const NODE_TYPES = { service: ServiceNode };
const NODE_SIZE = { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT };
// Fixed card size and handle places: nodes need no measuring pass, so layout is known up front.
const HANDLES = [
  { type: "target" as const, position: Position.Left, x: -4, y: NODE_HEIGHT / 2 - 4, width: 8, height: 8 },
  { type: "source" as const, position: Position.Right, x: NODE_WIDTH - 4, y: NODE_HEIGHT / 2 - 4, width: 8, height: 8 },
];
/** Past this many cards, only those on screen are rendered. */
const VIRTUALISE_ABOVE = 150;

// The path to what is broken is drawn bright and thick, in ink rather than a hue a team might have.
const EDGE = { normal: "#4b5a70", path: "#e6edf3", dim: "#253041" };

interface Props {
  initialGraph: CatalogGraphDto;
  initialIncident: IncidentDto | null;
}

export function ServiceMap(props: Props) {
  return (
    <ReactFlowProvider>
      <MapCanvas {...props} />
    </ReactFlowProvider>
  );
}

function MapCanvas({ initialGraph, initialIncident }: Props) {
  const [incident, setIncident] = useState(initialIncident);
  const { graph, applyHealth } = useLiveGraph(initialGraph, (changed) =>
    setIncident((current) => (current && current.id === changed.id ? changed : current)),
  );
  const [filters, setFilters] = useState<MapFilters>({ teamId: null, journey: null, query: "" });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [matchIndex, setMatchIndex] = useState(-1);
  const connection = useConnection();

  const colors = useMemo(() => teamColors(graph.teams), [graph.teams]);
  const overlay = useMemo(
    () =>
      incident
        ? incidentOverlay(
            graph,
            incident.services.map((s) => s.id),
          )
        : null,
    [graph, incident],
  );
  const view = useMemo(() => computeMapView(graph, filters, overlay), [graph, filters, overlay]);

  // Health pushes replace `graph` but not its shape: key the (costly) layout on ids and edges only.
  const visibleKey = useMemo(
    () =>
      graph.services
        .filter((s) => view.visibleIds.has(s.id))
        .map((s) => s.id)
        .join("|"),
    [graph.services, view.visibleIds],
  );
  const positions = useMemo(
    () => layoutGraph(visibleKey ? visibleKey.split("|") : [], graph.dependencies, NODE_SIZE),
    [visibleKey, graph.dependencies],
  );

  const matchSet = useMemo(() => new Set(view.matches), [view.matches]);
  // An incident with nothing marked impacted yet highlights nothing, so it dims nothing either.
  const isHighlighting = Boolean(overlay?.impacted.length);
  const hasQuery = filters.query.trim() !== "";

  const nodes = useMemo<ServiceNodeType[]>(
    () =>
      graph.services
        .filter((s) => view.visibleIds.has(s.id))
        .map((s) => {
          const role = view.roles.get(s.id) ?? null;
          const isMatch = matchSet.has(s.id);
          return {
            id: s.id,
            type: "service",
            position: positions.get(s.id) ?? { x: 0, y: 0 },
            width: NODE_WIDTH,
            height: NODE_HEIGHT,
            measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
            handles: HANDLES,
            selected: s.id === selectedId,
            draggable: false,
            ariaLabel: `${s.name}, ${s.team.name}, tier ${s.tier}, health ${HEALTH_INFO[s.health].label}${role ? `, ${role.kind}` : ""}`,
            data: {
              service: s,
              color: colors.get(s.team.id) ?? "#94a3b8",
              role,
              isMatch,
              isDimmed: (isHighlighting && !role) || (hasQuery && !isMatch),
            },
          };
        }),
    [graph.services, view, positions, selectedId, colors, isHighlighting, matchSet, hasQuery],
  );

  const edges = useMemo<Edge[]>(() => {
    const names = new Map(graph.services.map((s) => [s.id, s.name]));
    return graph.dependencies
      .filter((d) => d.from !== d.to && view.visibleIds.has(d.from) && view.visibleIds.has(d.to))
      .map((d) => {
        const isPath = view.pathEdges.has(edgeKey(d.from, d.to));
        const isDim = (isHighlighting && !isPath) || hasQuery;
        const color = isPath ? EDGE.path : isDim ? EDGE.dim : EDGE.normal;
        return {
          id: edgeKey(d.from, d.to),
          source: d.from,
          target: d.to,
          focusable: false,
          selectable: false,
          zIndex: isPath ? 1 : 0,
          ariaLabel: `${names.get(d.from) ?? "?"} ${d.async ? "sends asynchronously to" : "calls"} ${names.get(d.to) ?? "?"}`,
          style: { stroke: color, strokeWidth: isPath ? 2.5 : d.critical ? 1.5 : 1, strokeDasharray: d.async ? "6 5" : undefined },
          markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
        };
      });
  }, [graph.services, graph.dependencies, view, isHighlighting, hasQuery]);

  const focusIds = useMemo(() => (overlay ? [...view.roles.keys()].filter((id) => view.visibleIds.has(id)) : []), [overlay, view]);
  const { canvasRef, focusService } = useMapViewport({
    graph,
    visibleIds: view.visibleIds,
    visibleKey,
    focusKey: focusIds.join("|"),
    positions,
    selectedId,
    setSelectedId,
  });

  // The poller stays quiet while nothing changes, so a card's "last report" time can lag: the
  // drawer asks for the current reading when it opens.
  useEffect(() => {
    if (!selectedId) return;
    let cancelled = false;
    void apiRequest<ServiceHealthUpdate>(`/api/services/${selectedId}/health`).then((res) => {
      if (!cancelled && res.ok) applyHealth(res.data);
    });
    return () => {
      cancelled = true;
    };
  }, [selectedId, applyHealth]);

  const onSearchSubmit = (backwards: boolean) => {
    const n = view.matches.length;
    if (!n) return;
    const next = matchIndex < 0 ? (backwards ? n - 1 : 0) : (matchIndex + (backwards ? n - 1 : 1)) % n;
    setMatchIndex(next);
    const id = view.matches[next];
    if (id) focusService(id);
  };

  const onNodesChange = useCallback((changes: NodeChange<ServiceNodeType>[]) => {
    // Only selection matters: cards do not move, resize or get deleted.
    for (const c of changes) {
      if (c.type !== "select") continue;
      if (c.selected) setSelectedId(c.id);
      else setSelectedId((current) => (current === c.id ? null : current));
    }
  }, []);

  useShortcut("/", () => document.getElementById(MAP_SEARCH_ID)?.focus());
  useShortcut("Escape", () => setSelectedId(null));

  const teamCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const s of graph.services) counts.set(s.team.id, (counts.get(s.team.id) ?? 0) + 1);
    return counts;
  }, [graph.services]);
  const down = graph.services.filter((s) => s.health === "down").length;
  const degraded = graph.services.filter((s) => s.health === "degraded").length;
  const selected = selectedId ? graph.services.find((s) => s.id === selectedId) : undefined;
  const radiusList = useMemo<RadiusItem[]>(() => {
    if (!overlay) return [];
    const byId = new Map(graph.services.map((s) => [s.id, s]));
    const item = (id: string, role: string): RadiusItem[] => {
      const s = byId.get(id);
      return s ? [{ id, name: s.name, team: s.team.name, role }] : [];
    };
    return [
      ...overlay.impacted.flatMap((id) => item(id, "Impacted")),
      ...overlay.affected.flatMap((a) => item(a.id, `Affected · ${a.depth} hop${a.depth === 1 ? "" : "s"}`)),
    ];
  }, [graph, overlay]);

  return (
    <main className="flex h-[calc(100dvh-3rem)] min-h-[480px] flex-col">
      <h1 className="sr-only">Dependency map{incident ? ` for ${incident.ref}` : ""}</h1>
      {incident && overlay ? (
        <IncidentBanner
          incident={incident}
          counts={{ impacted: overlay.impacted.length, affected: overlay.affected.length, teams: overlay.teams }}
          radius={radiusList}
        />
      ) : null}
      <MapToolbar
        teams={graph.teams}
        filters={filters}
        onChange={(next) => {
          if (next.query !== filters.query) setMatchIndex(-1);
          setFilters(next);
        }}
        onSearchSubmit={onSearchSubmit}
        matchCount={view.matches.length}
        matchIndex={matchIndex}
        shown={view.visibleIds.size}
        total={graph.services.length}
        status={
          <>
            {down ? <span className="text-xs font-medium text-bad">✕ {down} down</span> : null}
            {degraded ? <span className="text-xs font-medium text-warn">◐ {degraded} degraded</span> : null}
            <ConnectionIndicator state={connection} pending={0} />
          </>
        }
      />
      <div className="relative flex min-h-0 flex-1">
        <div ref={canvasRef} className="relative min-w-0 flex-1" data-testid="service-map">
          {graph.services.length === 0 ? (
            <EmptyMap />
          ) : view.visibleIds.size === 0 ? (
            <div className="flex h-full flex-col items-center justify-center gap-3 text-center">
              <p className="text-ink-muted">No service matches these filters.</p>
              <Button variant="secondary" size="sm" onClick={() => setFilters({ teamId: null, journey: null, query: "" })}>
                Clear filters
              </Button>
            </div>
          ) : (
            <ReactFlow<ServiceNodeType, Edge>
              className="warroom-map"
              colorMode="dark"
              nodes={nodes}
              edges={edges}
              nodeTypes={NODE_TYPES}
              onNodesChange={onNodesChange}
              nodesDraggable={false}
              nodesConnectable={false}
              edgesFocusable={false}
              selectNodesOnDrag={false}
              deleteKeyCode={null}
              selectionKeyCode={null}
              multiSelectionKeyCode={null}
              onlyRenderVisibleElements={nodes.length > VIRTUALISE_ABOVE}
              minZoom={0.05}
              maxZoom={2}
              fitViewOptions={{ padding: FIT_PADDING, maxZoom: 1.1 }}
              aria-label="Service dependency map"
            >
              <Background color="#1c2533" gap={24} />
              <Controls showInteractive={false} position="bottom-left" aria-label="Zoom controls" />
              <MiniMap
                position="bottom-right"
                pannable
                zoomable
                ariaLabel="Overview of the whole map"
                nodeColor={(n) => (n as ServiceNodeType).data.color}
                nodeStrokeColor={(n) => ((n as ServiceNodeType).data.service.health === "down" ? "#f36161" : "transparent")}
                nodeStrokeWidth={8}
              />
              <Panel position="top-right">
                <MapLegend
                  teams={graph.teams}
                  colors={colors}
                  counts={teamCounts}
                  isIncidentView={overlay !== null}
                  activeTeamId={filters.teamId}
                  onTeamClick={(teamId) => setFilters((f) => ({ ...f, teamId }))}
                />
              </Panel>
            </ReactFlow>
          )}
        </div>
        {selected ? (
          <div className="absolute inset-y-0 right-0 z-10 max-w-full md:static">
            <ServiceDrawer
              service={selected}
              graph={graph}
              role={view.roles.get(selected.id) ?? null}
              onSelect={focusService}
              onClose={() => setSelectedId(null)}
            />
          </div>
        ) : null}
      </div>
    </main>
  );
}

function EmptyMap() {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-2 p-6 text-center">
      <p className="text-lg font-medium">The map is empty.</p>
      <p className="max-w-md text-ink-muted">
        Add teams and services in the catalog, or import a Backstage <code className="font-mono text-xs">catalog-info.yaml</code>: each
        service and dependency appears here, coloured by the team that owns it.
      </p>
      <Link href="/catalog" className="mt-2 text-accent hover:underline">
        Go to the catalog →
      </Link>
    </div>
  );
}
