// Sends queued deliveries in the background (started by server.ts, never inside a request): a
// slow or failing destination costs one in-flight request bounded by the timeout, never the room.
import { startBackgroundWorker } from "../background/start-background-worker.ts";
import { db } from "../db/client.ts";
import { errorFields, log } from "../log.ts";
import { TEST_EVENT } from "./events.ts";
import { decideAttempt, type AttemptDecision, type AttemptOutcome } from "./attempt-result.ts";
import { setOutboundKick } from "./kick-outbound.ts";
import { DEFAULT_OUTBOUND_CONFIG, type OutboundConfig } from "./outbound-config.ts";
import { claimDueDeliveries, type ClaimedDelivery } from "./claim-due-deliveries.ts";
import { postDelivery } from "./post-delivery.ts";

/** A claim outlives the timeout by this much: if the instance dies mid-send, another takes over. */
const LEASE_MARGIN_MS = 30_000;
const MAX_ROUNDS_PER_PASS = 50;

/** Told after each stored attempt of a page, so the room hears a vendor's refusal at once. */
export type PageAttemptListener = (claim: ClaimedDelivery, decision: AttemptDecision) => Promise<void>;

export interface OutboundSender {
  /** One pass: claim due deliveries and send them until none are due. Returns attempts made. */
  runOnce(): Promise<number>;
  /** Ask for a pass soon (coalesced); what the after-commit kick calls. */
  kick(): void;
  stop(): Promise<void>;
}

/** Stores one attempt, unless our lease was taken over (then the other instance owns the row). */
async function storeAttempt(claim: ClaimedDelivery, outcome: AttemptOutcome, config: OutboundConfig, now: Date): Promise<AttemptDecision> {
  const attempts = claim.attempts + 1;
  // A vendor's 4xx (bad routing key, 401) will not change by asking again; 429 and 5xx will.
  const decision = decideAttempt(outcome, attempts, config, now, {
    isFinalOn4xx: claim.pageId !== null || claim.event.startsWith("page."),
  });
  await db().outboundDelivery.updateMany({
    where: { id: claim.id, status: "pending", leaseUntil: claim.leaseUntil },
    data: {
      attempts,
      status: decision.status,
      lastStatusCode: decision.lastStatusCode,
      lastError: decision.lastError,
      leaseUntil: null,
      ...(decision.nextAttemptAt ? { nextAttemptAt: decision.nextAttemptAt } : {}),
      ...(decision.status === "delivered" ? { deliveredAt: now } : {}),
    },
  });
  if (decision.status === "failed")
    log.warn("outbound delivery failed for good", { deliveryId: claim.id, attempts, error: decision.lastError });
  return decision;
}

/** A channel switched off after the message was queued: the message is not sent. */
async function dropDisabled(claim: ClaimedDelivery): Promise<void> {
  await db().outboundDelivery.updateMany({
    where: { id: claim.id, status: "pending", leaseUntil: claim.leaseUntil },
    data: { status: "failed", leaseUntil: null, lastError: "Not sent: the channel was disabled before it went out" },
  });
}

/** Starts sending (unless disabled); `stop()` waits for in-flight requests so the database can close. */
export function startOutboundSender(
  config: OutboundConfig = DEFAULT_OUTBOUND_CONFIG,
  options: { now?: () => Date; autoStart?: boolean; onPageAttempt?: PageAttemptListener } = {},
): OutboundSender {
  const now = options.now ?? (() => new Date());
  const isTicking = options.autoStart !== false && config.isEnabled;
  let isKicked = false;

  const sendOne = async (claim: ClaimedDelivery, stopSignal: AbortSignal): Promise<void> => {
    // A test message checks the destination itself, so it goes out even while the channel is off.
    if (!claim.isEnabled && claim.event !== TEST_EVENT) return dropDisabled(claim);
    const outcome = await postDelivery(claim, config.timeoutMs, now(), stopSignal);
    // Cut short by shutdown: says nothing about the receiver; the lease expires and it is retried.
    if (stopSignal.aborted) return;
    const decision = await storeAttempt(claim, outcome, config, now());
    if (claim.pageId && options.onPageAttempt) await options.onPageAttempt(claim, decision);
  };

  const pass = async (stopSignal: AbortSignal): Promise<number> => {
    let attempted = 0;
    for (let round = 0; round < MAX_ROUNDS_PER_PASS && !stopSignal.aborted; round++) {
      isKicked = false;
      const claims = await claimDueDeliveries(config.concurrency, now(), config.timeoutMs + LEASE_MARGIN_MS);
      const results = await Promise.allSettled(claims.map((claim) => sendOne(claim, stopSignal)));
      for (const r of results) if (r.status === "rejected") log.warn("outbound delivery could not be stored", errorFields(r.reason));
      attempted += claims.length;
      // A kick during this round may have queued more: look again rather than wait a tick.
      if (claims.length < config.concurrency && !isKicked) break;
    }
    return attempted;
  };

  const worker = startBackgroundWorker({ name: "outbound sender", tickMs: config.tickMs, isTicking, pass, failedResult: 0 });

  const kick = () => {
    // Running already: the pass sees isKicked. Otherwise the worker starts a pass now instead of at the tick.
    isKicked = true;
    worker.wake();
  };

  if (isTicking) {
    setOutboundKick(kick);
    log.info("outbound notifications started", { tickMs: config.tickMs, timeoutMs: config.timeoutMs, maxAttempts: config.maxAttempts });
  } else if (options.autoStart !== false) {
    log.info("outbound notifications off (OUTBOUND=off): deliveries stay queued");
  }

  return {
    runOnce: worker.runOnce,
    kick,
    stop: async () => {
      if (isTicking) setOutboundKick(undefined);
      await worker.stop();
    },
  };
}
