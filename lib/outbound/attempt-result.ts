// What one HTTP attempt means for a delivery. Pure: the sender does the I/O.
import type { OutboundConfig } from "./outbound-config.ts";

export type AttemptOutcome =
  { kind: "response"; status: number; body: string; retryAfter: string | null } | { kind: "error"; error: unknown; timedOut: boolean };

export interface AttemptDecision {
  status: "delivered" | "pending" | "failed";
  lastStatusCode: number | null;
  lastError: string;
  /** When to try again (pending only). */
  nextAttemptAt: Date | null;
}

const clip = (s: string, max = 500) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

export function describeOutcome(outcome: AttemptOutcome, timeoutMs: number): string {
  if (outcome.kind === "response") {
    const body = outcome.body.trim().replace(/\s+/g, " ");
    return clip(`HTTP ${outcome.status}${body ? `: ${body}` : ""}`);
  }
  if (outcome.timedOut) return `No answer within ${seconds(timeoutMs)}`;
  // fetch wraps the socket's error in `cause`; node:http hands it over as it is.
  const error = outcome.error as { code?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  const cause = error?.cause;
  const reason =
    typeof cause?.code === "string"
      ? cause.code
      : typeof error?.code === "string"
        ? error.code
        : typeof cause?.message === "string"
          ? cause.message
          : outcome.error instanceof Error
            ? outcome.error.message
            : String(outcome.error);
  return clip(`Could not connect: ${reason}`);
}

/** Exponential back-off after the n-th failed attempt (1-based): backoff, 2×, 4×… capped. */
export function retryDelayMs(failedAttempts: number, config: Pick<OutboundConfig, "backoffMs" | "backoffMaxMs">): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 20);
  return Math.min(config.backoffMs * 2 ** exponent, config.backoffMaxMs);
}

/** Retry-After in seconds or as an HTTP date (Slack sends seconds on 429). */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(at - now.getTime(), 0);
}

/**
 * 2xx is delivered. Anything else is retried with back-off until `maxAttempts`, then failed;
 * a receiver's Retry-After is honoured when longer than our back-off (within the cap).
 */
export function decideAttempt(
  outcome: AttemptOutcome,
  attempts: number,
  config: OutboundConfig,
  now: Date,
  options: { isFinalOn4xx?: boolean } = {},
): AttemptDecision {
  const lastStatusCode = outcome.kind === "response" ? outcome.status : null;
  if (outcome.kind === "response" && outcome.status >= 200 && outcome.status < 300) {
    return { status: "delivered", lastStatusCode, lastError: "", nextAttemptAt: null };
  }
  const lastError = describeOutcome(outcome, config.timeoutMs);
  const isRefused =
    options.isFinalOn4xx === true && lastStatusCode !== null && lastStatusCode >= 400 && lastStatusCode < 500 && lastStatusCode !== 429;
  if (attempts >= config.maxAttempts || isRefused) return { status: "failed", lastStatusCode, lastError, nextAttemptAt: null };
  const asked = outcome.kind === "response" ? parseRetryAfter(outcome.retryAfter, now) : null;
  const delay = Math.min(Math.max(retryDelayMs(attempts, config), asked ?? 0), config.backoffMaxMs);
  return { status: "pending", lastStatusCode, lastError, nextAttemptAt: new Date(now.getTime() + delay) };
}
