// Plays due drill steps. Runs in server.ts beside the other background jobs; safe with several
// instances: a due drill is claimed under a row lock with SKIP LOCKED and its step is injected
// and the drill moved on in that same transaction, so a step is played once (or not at all).
// `leaseUntil` holds a drill whose step failed back for a while instead of retrying every tick.
import { startBackgroundWorker } from "../background/start-background-worker.ts";
import { db } from "../db/client.ts";
import { errorFields, log } from "../log.ts";
import { publishTimelineEvent } from "../realtime/emit.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { setDrillWake } from "./drill-wake.ts";
import { parseScenario } from "./parse-scenario.ts";
import { playDrillStep } from "./play-drill-step.ts";
import { stepDueAt } from "./start-drill.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";

export const DRILL_TICK_MS = 1_000;
const FAILED_STEP_BACKOFF_MS = 30_000;
const MAX_PER_PASS = 50;

type Played = { drillId: string; entries: TimelineEventDto[] } | null;

async function playOne(now: Date): Promise<Played> {
  let claimedId: string | null = null;
  try {
    return await db().$transaction(
      async (tx) => {
        const due = await tx.$queryRaw<{ id: string }[]>`
          SELECT d.id FROM "Drill" d
          WHERE d.status = 'running' AND d."nextStepAt" <= ${now} AND (d."leaseUntil" IS NULL OR d."leaseUntil" <= ${now})
          ORDER BY d."nextStepAt" ASC
          LIMIT 1
          FOR UPDATE OF d SKIP LOCKED`;
        const id = due[0]?.id;
        if (!id) return null;
        claimedId = id;
        const drill = await tx.drill.findUniqueOrThrow({ where: { id }, select: { id: true, organizationId: true, speed: true, startedAt: true, nextStep: true, scenarioYaml: true, incident: { select: { id: true } } } });
        const parsed = parseScenario(drill.scenarioYaml);
        const steps = parsed.ok ? parsed.scenario.steps : [];
        const step = steps[drill.nextStep];
        if (!step || !drill.incident) {
          await tx.drill.update({ where: { id }, data: { nextStepAt: null, leaseUntil: null } });
          return { drillId: id, entries: [] };
        }
        const entries = await playDrillStep(tx, step, { organizationId: drill.organizationId, drillId: id, incidentId: drill.incident.id, index: drill.nextStep, stepCount: steps.length, now });
        const next = steps[drill.nextStep + 1];
        await tx.drill.update({
          where: { id },
          data: { nextStep: drill.nextStep + 1, nextStepAt: next ? stepDueAt(drill.startedAt, next.atSeconds, drill.speed) : null, leaseUntil: null },
        });
        return { drillId: id, entries };
      },
      TX_OPTIONS,
    );
  } catch (error) {
    if (!claimedId) throw error;
    log.error("drill step failed", { drillId: claimedId, ...errorFields(error) });
    await db().drill.update({ where: { id: claimedId }, data: { leaseUntil: new Date(now.getTime() + FAILED_STEP_BACKOFF_MS) } });
    return { drillId: claimedId, entries: [] };
  }
}

/** One pass: every due step of every running drill (up to the cap), each pushed after its commit. */
export async function playDueDrillSteps(now: () => Date = () => new Date()): Promise<number> {
  let played = 0;
  for (; played < MAX_PER_PASS; played++) {
    const result = await playOne(now());
    if (!result) break;
    for (const e of result.entries) publishTimelineEvent(e);
  }
  return played;
}

export interface DrillPlayer {
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startDrillPlayer(options: { tickMs?: number; now?: () => Date; autoStart?: boolean } = {}): DrillPlayer {
  const worker = startBackgroundWorker({
    name: "drill player",
    tickMs: options.tickMs ?? DRILL_TICK_MS,
    isTicking: options.autoStart !== false,
    pass: () => playDueDrillSteps(options.now),
    failedResult: 0,
  });
  setDrillWake(worker.wake);
  return {
    runOnce: worker.runOnce,
    stop: async () => {
      setDrillWake(undefined);
      await worker.stop();
    },
  };
}
