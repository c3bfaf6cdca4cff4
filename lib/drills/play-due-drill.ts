import { db } from "../db/client.ts";
import { errorFields, log } from "../log.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { parseScenario } from "./parse-scenario.ts";
import { playDrillStep } from "./play-drill-step.ts";
import { stepDueAt } from "./step-due-at.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";

const FAILED_STEP_BACKOFF_MS = 30_000;

type Played = { drillId: string; entries: TimelineEventDto[] } | null;

export async function playDueDrill(now: Date): Promise<Played> {
  let claimedId: string | null = null;
  try {
    return await db().$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: string }[]>`
          SELECT d.id FROM "Drill" d
          WHERE d.status = 'running' AND d."nextStepAt" <= ${now} AND (d."leaseUntil" IS NULL OR d."leaseUntil" <= ${now})
          ORDER BY d."nextStepAt" ASC
          LIMIT 1
          FOR UPDATE OF d SKIP LOCKED`;
      const id = due[0]?.id;
      if (!id) return null;
      claimedId = id;
      const drill = await tx.drill.findUniqueOrThrow({
        where: { id },
        select: {
          id: true,
          organizationId: true,
          speed: true,
          startedAt: true,
          nextStep: true,
          scenarioYaml: true,
          incident: { select: { id: true } },
        },
      });
      const parsed = parseScenario(drill.scenarioYaml);
      const steps = parsed.ok ? parsed.scenario.steps : [];
      const step = steps[drill.nextStep];
      if (!step || !drill.incident) {
        await tx.drill.update({ where: { id }, data: { nextStepAt: null, leaseUntil: null } });
        return { drillId: id, entries: [] };
      }
      const entries = await playDrillStep(tx, step, {
        organizationId: drill.organizationId,
        drillId: id,
        incidentId: drill.incident.id,
        index: drill.nextStep,
        stepCount: steps.length,
        now,
      });
      const next = steps[drill.nextStep + 1];
      await tx.drill.update({
        where: { id },
        data: {
          nextStep: drill.nextStep + 1,
          nextStepAt: next ? stepDueAt(drill.startedAt, next.atSeconds, drill.speed) : null,
          leaseUntil: null,
        },
      });
      return { drillId: id, entries };
    }, TX_OPTIONS);
  } catch (error) {
    if (!claimedId) throw error;
    log.error("drill step failed", { drillId: claimedId, ...errorFields(error) });
    await db().drill.update({ where: { id: claimedId }, data: { leaseUntil: new Date(now.getTime() + FAILED_STEP_BACKOFF_MS) } });
    return { drillId: claimedId, entries: [] };
  }
}
