import type { Prisma } from "../db/generated/client.ts";
import { incidentRef } from "../vocabulary/incidents.ts";
import type { PersonRef } from "../incident-record/incident-dto.ts";
import { parseScenario } from "./parse-scenario.ts";

export const drillSelect = {
  id: true,
  scenarioKey: true,
  scenarioName: true,
  scenarioYaml: true,
  speed: true,
  status: true,
  startedAt: true,
  endedAt: true,
  nextStep: true,
  nextStepAt: true,
  startedBy: { select: { id: true, name: true } },
  failingService: { select: { id: true, name: true } },
  incident: { select: { id: true, number: true, title: true, status: true } },
} satisfies Prisma.DrillSelect;

export type DrillRow = Prisma.DrillGetPayload<{ select: typeof drillSelect }>;

export interface DrillDto {
  id: string;
  scenarioKey: string;
  scenarioName: string;
  speed: number;
  status: "running" | "finished" | "cancelled";
  startedAt: string;
  endedAt: string | null;
  startedBy: PersonRef | null;
  failingService: { id: string; name: string } | null;
  incident: { id: string; ref: string; title: string; status: string } | null;
  /** Steps played so far, of `stepCount`. */
  stepsPlayed: number;
  stepCount: number;
  nextStepAt: string | null;
}

export function toDrillDto(row: DrillRow): DrillDto {
  const parsed = parseScenario(row.scenarioYaml);
  return {
    id: row.id,
    scenarioKey: row.scenarioKey,
    scenarioName: row.scenarioName,
    speed: row.speed,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    startedBy: row.startedBy,
    failingService: row.failingService,
    incident: row.incident
      ? { id: row.incident.id, ref: incidentRef(row.incident.number), title: row.incident.title, status: row.incident.status }
      : null,
    stepsPlayed: row.nextStep,
    stepCount: parsed.ok ? parsed.scenario.steps.length : row.nextStep,
    nextStepAt: row.nextStepAt?.toISOString() ?? null,
  };
}
