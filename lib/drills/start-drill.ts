import { assertCan, type Actor } from "../auth/actor.ts";
import { principalOf } from "../audit/audit-principal.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { announceDeclared, createIncidentInTx } from "../incidents/create-incident-in-tx.ts";
import type { IncidentDto } from "../incident-record/incident-dto.ts";
import { appendEvent } from "../timeline/append-event.ts";
import { drillSelect, toDrillDto, type DrillDto } from "./drill-dto.ts";
import { wakeDrillPlayer } from "./drill-wake.ts";
import { formatDuration } from "./duration.ts";
import { checkAgainstCatalog, readScenario } from "./resolve-scenario.ts";
import { ZStartDrill } from "./schemas.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { stepDueAt } from "./step-due-at.ts";

export const DRILL_TITLE_PREFIX = "[DRILL] ";

/**
 * Starts a game-day drill: the drill row and its practice incident in one transaction. The
 * incident opens as an alert would open it (no commander, not acknowledged, lowest severity), so
 * the report can time how the responders take it on; the first entry says it is a drill.
 */
export async function startDrill(
  actor: Actor,
  input: unknown,
  now: Date = new Date(),
): Promise<{ drill: DrillDto; incident: IncidentDto }> {
  assertCan(actor, "drill:run");
  const data = ZStartDrill.parse(input);
  const { scenario, yaml, isCustom } = readScenario(data);
  const firstAt = scenario.steps[0]?.atSeconds ?? 0;

  const { drill, declared } = await db().$transaction(async (tx) => {
    const { failingServiceId } = await checkAgainstCatalog(tx, actor.organizationId, scenario);
    const created = await tx.drill.create({
      data: {
        organizationId: actor.organizationId,
        scenarioKey: isCustom ? "custom" : scenario.key,
        scenarioName: scenario.name,
        scenarioYaml: yaml,
        failingServiceId,
        speed: data.speed,
        startedById: actor.userId,
        startedAt: now,
        nextStep: 0,
        nextStepAt: stepDueAt(now, firstAt, data.speed),
      },
      select: { id: true },
    });
    const steps = scenario.steps.length;
    // Only channels that accept drills hear of it (enqueueOutbound filters on the incident's drillId).
    const declared = await createIncidentInTx(tx, principalOf(actor), {
      title: `${DRILL_TITLE_PREFIX}${scenario.name}`.slice(0, 200),
      summary: scenario.summary.slice(0, 5000),
      severity: "SEV4",
      tags: ["drill"],
      startedAt: now,
      detectedAt: now,
      drillId: created.id,
      open: async (tx, incidentId) => [
        await appendEvent(tx, {
          incidentId,
          kind: "status_change",
          body: `DRILL — practice incident. ${actor.name} started the drill "${scenario.name}" at ×${data.speed} (${steps} steps over ${formatDuration(scenario.durationSeconds / data.speed)}). Work it as a real incident: alerts, health, customer signals and stakeholder questions are injected by the drill; nothing reaches customers, the status page or real on-call.`,
          authorId: actor.userId,
          occurredAt: now,
          data: { field: "status", from: null, to: "investigating", drill: { drillId: created.id, step: null, type: "start" } },
        }),
      ],
      outbound: { data: { source: "drill" }, occurredAt: now },
    });
    const drill = toDrillDto(await tx.drill.findUniqueOrThrow({ where: { id: created.id }, select: drillSelect }));
    await recordAudit(tx, actor, {
      action: "drill.start",
      entityType: "Drill",
      entityId: created.id,
      after: { ...drill, incidentId: declared.incident.id },
    });
    return { drill, declared };
  }, TX_OPTIONS);
  announceDeclared(actor.organizationId, declared);
  wakeDrillPlayer();
  return { drill, incident: declared.incident };
}
