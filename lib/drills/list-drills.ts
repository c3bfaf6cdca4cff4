import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import type { CatalogNames } from "./check-catalog.ts";
import { notFound } from "../errors/app-error.ts";
import { drillSelect, toDrillDto, type DrillDto } from "./drill-dto.ts";
import { durationAtSpeed } from "./parse-scenario.ts";
import { DRILL_SPEEDS, type DrillScenario } from "./scenario-types.ts";
import { ZDrillId } from "./schemas.ts";
import { shippedScenarios } from "./shipped-scenarios.ts";

/** The organisation's drills, newest first (everyone reads them; only some start them). */
export async function listDrills(actor: Actor): Promise<DrillDto[]> {
  assertCan(actor, "incident:read");
  const rows = await db().drill.findMany({ where: { organizationId: actor.organizationId }, select: drillSelect, orderBy: { startedAt: "desc" }, take: 200 });
  return rows.map(toDrillDto);
}

export async function getDrill(actor: Actor, drillId: string): Promise<DrillDto> {
  assertCan(actor, "incident:read");
  if (!ZDrillId.safeParse(drillId).success) throw notFound("Drill");
  const row = await db().drill.findFirst({ where: { id: drillId, organizationId: actor.organizationId }, select: drillSelect });
  if (!row) throw notFound("Drill");
  return toDrillDto(row);
}

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

/** The names a scenario may use (services with their aliases, teams): the start page checks as you type. */
export async function listCatalogNames(actor: Actor): Promise<CatalogNames> {
  assertCan(actor, "incident:read");
  const [services, teams] = await Promise.all([
    db().service.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, name: true, aliases: true } }),
    db().team.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, name: true } }),
  ]);
  return { services, teams };
}
