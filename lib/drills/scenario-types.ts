// Client-safe: the shape of a parsed drill scenario, shared by the parser, the player, the start
// page and the drill report (lib/drill-reports).
import type { JourneyName } from "../vocabulary/catalog.ts";
import type { SeverityName } from "../vocabulary/incidents.ts";

export const STEP_TYPES = ["alert", "health", "survey", "stakeholder"] as const;
export type StepType = (typeof STEP_TYPES)[number];

/** Vendors whose webhook payload the player builds and feeds to the real parser. */
export const DRILL_ALERT_SOURCES = ["alertmanager", "generic"] as const;
export type DrillAlertSource = (typeof DRILL_ALERT_SOURCES)[number];

export const DRILL_SPEEDS = [1, 2, 5] as const;
export type DrillSpeed = (typeof DRILL_SPEEDS)[number];

export interface DrillAlert {
  source: DrillAlertSource;
  service: string;
  severity: string;
  status: "firing" | "resolved";
  title: string;
  description: string;
  /** Same key across steps = the same alert (firing, later resolved); defaults to the title. */
  key: string;
}

export interface DrillHealth {
  service: string;
  status: "ok" | "degraded" | "down";
  note: string;
}

export interface DrillSurvey {
  journey: JourneyName;
  text: string;
  count: number;
}

export interface DrillStakeholder {
  from: string;
  message: string;
}

interface StepBase {
  /** Offset from the start in scenario time (speed not applied). */
  atSeconds: number;
  /** The line of the step in the YAML (1-based), for messages. */
  line: number;
}

export type DrillStep =
  | (StepBase & { type: "alert"; alert: DrillAlert })
  | (StepBase & { type: "health"; health: DrillHealth })
  | (StepBase & { type: "survey"; survey: DrillSurvey })
  | (StepBase & { type: "stakeholder"; stakeholder: DrillStakeholder });

export interface DrillScenario {
  key: string;
  name: string;
  summary: string;
  /** What the scenario's author thinks it is; never applied (responders set severity, scored). */
  severityHint: SeverityName | null;
  /** The service responders should identify (scored by the report). */
  failingService: string;
  /** Teams the scenario names explicitly (`teams:`), checked against the catalog. */
  teams: string[];
  steps: DrillStep[];
  /** The last step's offset: how long the script runs at ×1. */
  durationSeconds: number;
  /** Every catalog name the scenario uses, with where, for the check against the catalog. */
  refs: ScenarioRef[];
}

export interface ScenarioRef {
  kind: "service" | "team";
  name: string;
  field: string;
  line: number;
}

/** One problem with a scenario: the YAML line (1-based), the field path and what is wrong. */
export interface ScenarioProblem {
  line: number;
  field: string;
  message: string;
}

export function formatProblem(p: ScenarioProblem): string {
  return `line ${p.line}: ${p.field ? `${p.field}: ` : ""}${p.message}`;
}
