import { assertCan, type Actor } from "../auth/actor.ts";
import { durationAtSpeed } from "./parse-scenario.ts";
import { DRILL_SPEEDS, type DrillScenario } from "./scenario-types.ts";
import { shippedScenarios } from "./shipped-scenarios.ts";

export interface ScenarioSummaryDto {
  key: string;
  name: string;
  summary: string;
  failingService: string;
  stepCount: number;
  durationSeconds: number;
  /** "12m" at ×1, "6m" at ×2, "2m 24s" at ×5. */
  durations: Record<string, string>;
  steps: { at: number; type: DrillScenario["steps"][number]["type"] }[];
  yaml: string;
}

export function summarizeScenario(scenario: DrillScenario, yaml: string): ScenarioSummaryDto {
  return {
    key: scenario.key,
    name: scenario.name,
    summary: scenario.summary,
    failingService: scenario.failingService,
    stepCount: scenario.steps.length,
    durationSeconds: scenario.durationSeconds,
    durations: Object.fromEntries(DRILL_SPEEDS.map((s) => [String(s), durationAtSpeed(scenario, s)])),
    steps: scenario.steps.map((s) => ({ at: s.atSeconds, type: s.type })),
    yaml,
  };
}

/** The shipped scenarios (everyone may read them; the briefing is no secret). */
export function listScenarios(actor: Actor): ScenarioSummaryDto[] {
  assertCan(actor, "incident:read");
  return shippedScenarios().map((s) => summarizeScenario(s.scenario, s.yaml));
}
