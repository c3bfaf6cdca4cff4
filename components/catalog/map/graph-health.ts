// Pure: merging health readings into the map without ever letting an older one win.
import type { CatalogGraphDto } from "@/lib/catalog/get-catalog-graph.ts";
import type { ServiceHealthUpdate } from "@/lib/realtime/protocol.ts";

export function applyHealth(graph: CatalogGraphDto, update: ServiceHealthUpdate): CatalogGraphDto {
  const current = graph.services.find((s) => s.id === update.serviceId);
  if (!current) return graph;
  // A reading fetched just before a push lands must not undo it.
  if (current.healthCheckedAt && (!update.healthCheckedAt || update.healthCheckedAt < current.healthCheckedAt)) return graph;
  return {
    ...graph,
    services: graph.services.map((s) =>
      s.id === update.serviceId
        ? { ...s, health: update.health, healthMessage: update.healthMessage, healthCheckedAt: update.healthCheckedAt }
        : s,
    ),
  };
}

/** A refetch started before a push can answer after it: keep the newer health of each service. */
export function mergeFetched(current: CatalogGraphDto, fetched: CatalogGraphDto): CatalogGraphDto {
  const known = new Map(current.services.map((s) => [s.id, s]));
  return {
    ...fetched,
    services: fetched.services.map((s) => {
      const mine = known.get(s.id);
      const isMineNewer = mine?.healthCheckedAt && (!s.healthCheckedAt || mine.healthCheckedAt > s.healthCheckedAt);
      return mine && isMineNewer
        ? { ...s, health: mine.health, healthMessage: mine.healthMessage, healthCheckedAt: mine.healthCheckedAt }
        : s;
    }),
  };
}
