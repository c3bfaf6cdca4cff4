// Plays due drill steps. Runs in server.ts beside the other background jobs; safe with several
// instances: a due drill is claimed under a row lock with SKIP LOCKED and its step is injected
// and the drill moved on in that same transaction, so a step is played once (or not at all).
// `leaseUntil` holds a drill whose step failed back for a while instead of retrying every tick.
import { startBackgroundWorker } from "../background/start-background-worker.ts";
import { setDrillWake } from "./drill-wake.ts";
import { playDueDrillSteps } from "./play-due-drill-steps.ts";

export const DRILL_TICK_MS = 1_000;

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
