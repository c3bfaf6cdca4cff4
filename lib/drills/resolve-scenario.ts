import type { Prisma } from "../db/generated/client.ts";
import { AppError } from "../errors/app-error.ts";
import { checkScenarioCatalog } from "./check-catalog.ts";
import { parseScenario } from "./parse-scenario.ts";
import { formatProblem, type DrillScenario, type ScenarioProblem } from "./scenario-types.ts";
import { findShippedScenario, shippedScenarios } from "./shipped-scenarios.ts";
import { invalidField } from "../errors/field-errors.ts";

/** 422 listing every problem; the first one is the message ("line 14: steps[3].at: …"). */
export function scenarioRefused(problems: readonly ScenarioProblem[]): AppError {
  const first = problems[0];
  return new AppError("validation_failed", `Invalid scenario — ${first ? formatProblem(first) : "empty"}`, {
    fields: problems.map((p) => ({ field: "yaml", message: formatProblem(p), line: p.line, path: p.field })),
  });
}

/** A shipped scenario by key, or a written one; its YAML is kept on the drill as it was run. */
export function readScenario(input: { scenarioKey?: string | undefined; yaml?: string | undefined }): {
  scenario: DrillScenario;
  yaml: string;
  isCustom: boolean;
} {
  if (input.yaml !== undefined) {
    const parsed = parseScenario(input.yaml);
    if (!parsed.ok) throw scenarioRefused(parsed.problems);
    return { scenario: parsed.scenario, yaml: input.yaml, isCustom: true };
  }
  const shipped = findShippedScenario(input.scenarioKey ?? "");
  if (!shipped) {
    const known = shippedScenarios()
      .map((s) => s.scenario.key)
      .join(", ");
    throw invalidField("scenarioKey", `no such scenario (one of ${known})`);
  }
  return { ...shipped, isCustom: false };
}

/** Checks the names against this organisation's catalog; returns the failing service's id. */
export async function checkAgainstCatalog(
  tx: Prisma.TransactionClient,
  organizationId: string,
  scenario: DrillScenario,
): Promise<{ failingServiceId: string }> {
  const [services, teams] = await Promise.all([
    tx.service.findMany({ where: { organizationId }, select: { id: true, name: true, aliases: true } }),
    tx.team.findMany({ where: { organizationId }, select: { id: true, name: true } }),
  ]);
  const catalog = { services, teams };
  const problems = checkScenarioCatalog(scenario, catalog);
  if (problems.length) throw scenarioRefused(problems);
  const key = scenario.failingService.trim().toLowerCase();
  const failing =
    services.find((s) => s.name.toLowerCase() === key) ?? services.find((s) => s.aliases.some((a) => a.trim().toLowerCase() === key));
  if (!failing) throw scenarioRefused([{ line: 1, field: "failing_service", message: `unknown service '${scenario.failingService}'` }]);
  return { failingServiceId: failing.id };
}
