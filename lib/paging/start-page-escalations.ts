// Escalates pages nobody acknowledged in time. Runs in server.ts beside the other background
// jobs, with an injected clock for tests; safe with several instances: each due page is claimed
// under a row lock with SKIP LOCKED and moved on in the same transaction.
import { startBackgroundWorker } from "../background/start-background-worker.ts";
import { escalateDuePages } from "./escalate-due-pages.ts";

export const ESCALATION_TICK_MS = 15_000;

export interface PageEscalations {
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startPageEscalations(options: { tickMs?: number; now?: () => Date; autoStart?: boolean } = {}): PageEscalations {
  const worker = startBackgroundWorker({
    name: "page escalation",
    tickMs: options.tickMs ?? ESCALATION_TICK_MS,
    isTicking: options.autoStart !== false,
    pass: () => escalateDuePages(options.now),
    failedResult: 0,
  });
  return { runOnce: worker.runOnce, stop: worker.stop };
}
