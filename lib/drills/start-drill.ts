import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { incidentSelect, toIncidentDto, type IncidentDto } from "../incident-record/incident-dto.ts";
import { enqueueOutbound } from "../outbound/enqueue-outbound.ts";
import { kickOutbound } from "../outbound/kick-outbound.ts";
import { publishIncidentDeclared, publishTimelineEvent } from "../realtime/emit.ts";
import { appendEvent } from "../timeline/append-event.ts";
import { drillSelect, toDrillDto, type DrillDto } from "./drill-dto.ts";
import { wakeDrillPlayer } from "./drill-wake.ts";
import { formatDuration } from "./duration.ts";
import { checkAgainstCatalog, readScenario } from "./resolve-scenario.ts";
import { ZStartDrill } from "./schemas.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";

export const DRILL_TITLE_PREFIX = "[DRILL] ";

/** When step `index` is due: the start plus its offset, sped up. */
export function stepDueAt(startedAt: Date, atSeconds: number, speed: number): Date {
  return new Date(startedAt.getTime() + (atSeconds * 1000) / speed);
}

/**
 * Starts a game-day drill: the drill row and its practice incident in one transaction. The
 * incident opens as an alert would open it (no commander, not acknowledged, lowest severity), so
 * the report can time how the responders take it on; the first entry says it is a drill.
 */
export async function startDrill(actor: Actor, input: unknown, now: Date = new Date()): Promise<{ drill: DrillDto; incident: IncidentDto }> {
  assertCan(actor, "drill:run");
  const data = ZStartDrill.parse(input);
  const { scenario, yaml, isCustom } = readScenario(data);
  const firstAt = scenario.steps[0]?.atSeconds ?? 0;

  const { drill, incident, event } = await db().$transaction(
    async (tx) => {
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
      const org = await tx.organization.update({ where: { id: actor.organizationId }, data: { lastIncidentNumber: { increment: 1 } }, select: { lastIncidentNumber: true } });
      const row = await tx.incident.create({
        data: {
          organizationId: actor.organizationId,
          number: org.lastIncidentNumber,
          title: `${DRILL_TITLE_PREFIX}${scenario.name}`.slice(0, 200),
          summary: scenario.summary.slice(0, 5000),
          severity: "SEV4",
          tags: ["drill"],
          declaredById: actor.userId,
          startedAt: now,
          detectedAt: now,
          drillId: created.id,
        },
        select: { id: true },
      });
      const steps = scenario.steps.length;
      const event = await appendEvent(tx, {
        incidentId: row.id,
        kind: "status_change",
        body: `DRILL — practice incident. ${actor.name} started the drill "${scenario.name}" at ×${data.speed} (${steps} steps over ${formatDuration(scenario.durationSeconds / data.speed)}). Work it as a real incident: alerts, health, customer signals and stakeholder questions are injected by the drill; nothing reaches customers, the status page or real on-call.`,
        authorId: actor.userId,
        occurredAt: now,
        data: { field: "status", from: null, to: "investigating", drill: { drillId: created.id, step: null, type: "start" } },
      });
      const incident = toIncidentDto(await tx.incident.findUniqueOrThrow({ where: { id: row.id }, select: incidentSelect }));
      const drill = toDrillDto(await tx.drill.findUniqueOrThrow({ where: { id: created.id }, select: drillSelect }));
      await recordAudit(tx, actor, { action: "drill.start", entityType: "Drill", entityId: created.id, after: { ...drill, incidentId: incident.id } });
      // Only channels that accept drills hear of it (enqueueOutbound filters on the incident's drillId).
      await enqueueOutbound(tx, { organizationId: actor.organizationId, event: "incident.declared", incident, occurredAt: now, data: { source: "drill" } });
      return { drill, incident, event };
    },
    TX_OPTIONS,
  );
  publishIncidentDeclared(actor.organizationId, incident);
  publishTimelineEvent(event);
  kickOutbound();
  wakeDrillPlayer();
  return { drill, incident };
}
