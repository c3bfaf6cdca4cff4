// Pure and client-safe: the catalog's search and filters, kept in the URL so a filtered view
// can be shared in the incident channel ("here are Fulfillment's tier-1 services").
import { SERVICE_KIND_LABELS, type JourneyName, type ServiceKindName } from "../vocabulary/catalog.ts";

export interface ServiceFilters {
  q: string;
  teamId: string;
  kind: string;
  tier: string;
  journey: string;
}

export const NO_FILTERS: ServiceFilters = { q: "", teamId: "", kind: "", tier: "", journey: "" };
const KEYS = ["q", "teamId", "kind", "tier", "journey"] as const satisfies readonly (keyof ServiceFilters)[];

interface Filterable {
  name: string;
  description: string;
  system: string;
  kind: ServiceKindName;
  tier: number;
  journeys: readonly JourneyName[];
  team: { id: string; name: string };
}

/** Every word of the search must appear in the name, description, system, owner or kind. */
export function filterServices<T extends Filterable>(services: readonly T[], f: ServiceFilters): T[] {
  const words = f.q.toLowerCase().split(/\s+/).filter(Boolean);
  return services.filter((s) => {
    if (f.teamId && s.team.id !== f.teamId) return false;
    if (f.kind && s.kind !== f.kind) return false;
    if (f.tier && String(s.tier) !== f.tier) return false;
    if (f.journey && !s.journeys.includes(f.journey as JourneyName)) return false;
    if (!words.length) return true;
    const text = [s.name, s.description, s.system, s.team.name, SERVICE_KIND_LABELS[s.kind]].join(" ").toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export function filtersFromParams(params: Record<string, string | string[] | undefined> | URLSearchParams): ServiceFilters {
  const get = (k: string): string => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  return Object.fromEntries(KEYS.map((k) => [k, get(k)])) as unknown as ServiceFilters;
}

/** "?team=…&tier=1", leaving out empty filters; "" when there are none. */
export function filtersToQuery(f: ServiceFilters): string {
  const params = new URLSearchParams();
  for (const k of KEYS) if (f[k]) params.set(k, f[k]);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function hasFilters(f: ServiceFilters): boolean {
  return KEYS.some((k) => f[k] !== "");
}
