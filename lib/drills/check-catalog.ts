// Client-safe and pure: a parsed scenario's service and team names against an organisation's
// catalog (case-insensitive, trimmed; a service's aliases count), so a typo is refused at its line
// before the drill starts instead of injecting alerts nobody can map.
import type { DrillScenario, ScenarioProblem } from "./scenario-types.ts";

export interface CatalogNames {
  services: readonly { id: string; name: string; aliases?: readonly string[] }[];
  teams: readonly { id: string; name: string }[];
}

const key = (name: string) => name.trim().toLowerCase();

/** Service id by every name it answers to (its name first, then aliases no other service claims). */
export function serviceIndex(catalog: CatalogNames): Map<string, string> {
  const out = new Map(catalog.services.map((s) => [key(s.name), s.id]));
  for (const s of catalog.services) for (const a of s.aliases ?? []) if (!out.has(key(a))) out.set(key(a), s.id);
  return out;
}

export function resolveService(catalog: CatalogNames, name: string): string | null {
  return serviceIndex(catalog).get(key(name)) ?? null;
}

export function checkScenarioCatalog(scenario: Pick<DrillScenario, "refs">, catalog: CatalogNames): ScenarioProblem[] {
  const services = serviceIndex(catalog);
  const teams = new Set(catalog.teams.map((t) => key(t.name)));
  return scenario.refs.flatMap((ref) => {
    const known = ref.kind === "service" ? services.has(key(ref.name)) : teams.has(key(ref.name));
    return known ? [] : [{ line: ref.line, field: ref.field, message: `unknown ${ref.kind} '${ref.name.trim()}'` }];
  });
}
