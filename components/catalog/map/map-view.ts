// Pure: which services the map shows and how, from the catalog, the filters and (optionally) an
// incident's blast radius. Kept apart from React so it is unit-tested on its own.
import { computeBlastRadius } from "@/lib/catalog/blast-radius.ts";
import type { CatalogGraphDto } from "@/lib/catalog/get-catalog-graph.ts";

export interface MapFilters {
  teamId: string | null;
  journey: string | null;
  query: string;
}

/** An incident's blast radius as the map needs it (ids only). */
export interface IncidentOverlay {
  impacted: readonly string[];
  affected: readonly { id: string; depth: number; path: readonly string[] }[];
  suspects: readonly string[];
}

export type IncidentRole = { kind: "impacted" } | { kind: "affected"; depth: number; path: readonly string[] } | { kind: "suspect" };

export interface MapView {
  visibleIds: Set<string>;
  /** Services whose name matches the search, in map order (tier, then name). */
  matches: string[];
  roles: Map<string, IncidentRole>;
  /** Dependency edges on a blast-radius path ("from→to"), drawn highlighted in the incident view. */
  pathEdges: Set<string>;
}

export const edgeKey = (from: string, to: string) => `${from}→${to}`;

export function normaliseQuery(query: string): string {
  return query.trim().toLowerCase();
}

export function computeMapView(graph: CatalogGraphDto, filters: MapFilters, overlay: IncidentOverlay | null): MapView {
  const q = normaliseQuery(filters.query);
  const visibleIds = new Set<string>();
  const matches: string[] = [];
  for (const s of graph.services) {
    if (filters.teamId && s.team.id !== filters.teamId) continue;
    if (filters.journey && !(s.journeys as readonly string[]).includes(filters.journey)) continue;
    visibleIds.add(s.id);
    if (q && (s.name.toLowerCase().includes(q) || s.team.name.toLowerCase().includes(q))) matches.push(s.id);
  }
  const roles = new Map<string, IncidentRole>();
  const pathEdges = new Set<string>();
  if (overlay) {
    for (const id of overlay.suspects) roles.set(id, { kind: "suspect" });
    for (const a of overlay.affected) {
      roles.set(a.id, { kind: "affected", depth: a.depth, path: a.path });
      // A path runs from the affected service down to the failing one, along "depends on" edges.
      for (let i = 0; i + 1 < a.path.length; i++) pathEdges.add(edgeKey(a.path[i] ?? "", a.path[i + 1] ?? ""));
    }
    for (const id of overlay.impacted) roles.set(id, { kind: "impacted" });
  }
  return { visibleIds, matches, roles, pathEdges };
}

/**
 * The blast radius of an incident's impacted services over the map as drawn, computed in the
 * browser with the same pure module the server uses, so it follows the room's changes live.
 */
export function incidentOverlay(graph: CatalogGraphDto, impactedIds: readonly string[]): IncidentOverlay & { teams: number } {
  const radius = computeBlastRadius(
    {
      services: graph.services.map((s) => ({ id: s.id, name: s.name, teamId: s.team.id, journeys: s.journeys })),
      dependencies: graph.dependencies.map((d) => ({ fromId: d.from, toId: d.to, isAsync: d.async, isCritical: d.critical })),
    },
    impactedIds,
  );
  return {
    impacted: radius.impacted,
    affected: radius.affected.map((a) => ({ id: a.serviceId, depth: a.depth, path: a.path })),
    suspects: radius.suspects.map((s) => s.serviceId),
    teams: radius.teams.length,
  };
}
