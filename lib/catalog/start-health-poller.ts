// Polls health-check URLs in the background. Runs in server.ts, never in a request: a slow or
// dead endpoint costs one in-flight check (bounded by the timeout), never a user's request.
import { startBackgroundWorker } from "../background/start-background-worker.ts";
import { db } from "../db/client.ts";
import { errorFields, log } from "../log.ts";
import { publishServiceHealth } from "../realtime/emit.ts";
import type { HealthName } from "../vocabulary/catalog.ts";
import { nextCheckDelayMs, type HealthOutcome } from "./health-check-result.ts";
import { DEFAULT_HEALTH_POLLER_CONFIG, type HealthPollerConfig } from "./health-poller-config.ts";
import { writeHealth } from "./write-health.ts";
import { checkUrl } from "./check-url.ts";
import { claimDueChecks, type ClaimedCheck } from "./claim-due-checks.ts";

/** A claim lasts this long past the timeout: if the instance dies mid-check, another takes over. */
const LEASE_MARGIN_MS = 60_000;
/** Rounds per tick at most, so one tick cannot run forever on a huge backlog. */
const MAX_ROUNDS_PER_TICK = 50;

export interface HealthPoller {
  /** One pass: claim due services and check them until none are due (or the round cap). Returns checks made. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Stores one result, unless the URL changed while we were asking (then the answer is moot). */
async function storeResult(claim: ClaimedCheck, outcome: HealthOutcome, config: HealthPollerConfig, now: () => Date): Promise<void> {
  const failures = outcome.isFailure ? claim.failures + 1 : 0;
  const checkedAt = now();
  const nextCheckAt = new Date(checkedAt.getTime() + nextCheckDelayMs(failures, config));
  const result = await db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ health: HealthName; healthMessage: string }[]>`
      SELECT health::text AS health, "healthMessage" FROM "Service"
      WHERE id = ${claim.id}::uuid AND "healthCheckUrl" = ${claim.url} FOR UPDATE`;
    const previous = locked[0];
    if (!previous) return null;
    return writeHealth(tx, claim.organizationId, claim.id, previous, {
      health: outcome.health,
      message: outcome.message,
      checkedAt,
      actor: null,
      source: "poll",
      poll: { failures, nextCheckAt },
    });
  });
  // Unchanged results stay quiet: a hundred services answering "ok" are not a hundred pushes.
  if (result?.isVisibleChange) publishServiceHealth(claim.organizationId, result.dto);
}

/** Starts polling (unless disabled); `stop()` waits for in-flight checks so the database can close. */
export function startHealthPoller(
  config: HealthPollerConfig = DEFAULT_HEALTH_POLLER_CONFIG,
  options: { now?: () => Date; autoStart?: boolean } = {},
): HealthPoller {
  const now = options.now ?? (() => new Date());
  const isAutoStart = options.autoStart !== false;

  const checkOne = async (claim: ClaimedCheck, stopSignal: AbortSignal): Promise<void> => {
    const outcome = await checkUrl(claim.url, config.timeoutMs, stopSignal, config.allowedHosts);
    // A check cut short by shutdown says nothing about the service; the lease expires and another instance retries.
    if (stopSignal.aborted) return;
    await storeResult(claim, outcome, config, now);
  };

  const pass = async (stopSignal: AbortSignal): Promise<number> => {
    let checked = 0;
    for (let round = 0; round < MAX_ROUNDS_PER_TICK && !stopSignal.aborted; round++) {
      const claims = await claimDueChecks(config.concurrency, now(), config.timeoutMs + LEASE_MARGIN_MS);
      const results = await Promise.allSettled(claims.map((claim) => checkOne(claim, stopSignal)));
      for (const r of results) if (r.status === "rejected") log.warn("health check could not be stored", errorFields(r.reason));
      checked += claims.length;
      if (claims.length < config.concurrency) break;
    }
    return checked;
  };

  const worker = startBackgroundWorker({
    name: "health poller",
    tickMs: config.tickMs,
    isTicking: isAutoStart && config.isEnabled,
    pass,
    failedResult: 0,
  });
  if (isAutoStart) {
    if (config.isEnabled) {
      log.info("health poller started", { intervalMs: config.intervalMs, timeoutMs: config.timeoutMs, concurrency: config.concurrency });
    } else {
      log.info("health poller off (HEALTH_POLL=off): health-check URLs are not polled, pushes still work");
    }
  }
  return { runOnce: worker.runOnce, stop: worker.stop };
}
