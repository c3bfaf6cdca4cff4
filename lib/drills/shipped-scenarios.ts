// Client-safe: the shipped scenarios, parsed once. A shipped scenario that does not parse is a
// defect caught by tests/unit/drill-scenarios.test.ts, so it is dropped here rather than thrown.
import { parseScenario } from "./parse-scenario.ts";
import type { DrillScenario } from "./scenario-types.ts";
import { SHIPPED_SCENARIO_YAML } from "./scenarios/index.ts";

export interface ShippedScenario {
  scenario: DrillScenario;
  yaml: string;
}

let cache: ShippedScenario[] | null = null;

export function shippedScenarios(): ShippedScenario[] {
  cache ??= SHIPPED_SCENARIO_YAML.flatMap((yaml) => {
    const parsed = parseScenario(yaml);
    return parsed.ok ? [{ scenario: parsed.scenario, yaml }] : [];
  });
  return cache;
}

export function findShippedScenario(key: string): ShippedScenario | null {
  return shippedScenarios().find((s) => s.scenario.key === key) ?? null;
}
