// Pure: what a health-check answer means, and when to ask again. No I/O, unit-tested alone.
import type { HealthName } from "../vocabulary/catalog.ts";

export type ReportedHealth = Exclude<HealthName, "unknown">;

export interface HealthOutcome {
  health: HealthName;
  message: string;
  /** The check itself failed (no answer, or an error status): the poller backs off. */
  isFailure: boolean;
}

export interface HealthSchedule {
  /** Between checks of a service that answers. */
  intervalMs: number;
  /** First wait after a failure; doubled per failure in a row. */
  backoffMs: number;
  backoffMaxMs: number;
}

const MAX_MESSAGE = 500;

// Common spellings of the same three states: Spring Boot ("UP"), the IETF health-check draft
// ("pass"/"warn"/"fail"), Kubernetes-style ("healthy"), plain words.
const STATUS_WORDS: Record<string, ReportedHealth> = {
  ok: "ok",
  up: "ok",
  pass: "ok",
  passing: "ok",
  healthy: "ok",
  green: "ok",
  degraded: "degraded",
  warn: "degraded",
  warning: "degraded",
  partial: "degraded",
  yellow: "degraded",
  down: "down",
  fail: "down",
  failing: "down",
  error: "down",
  unhealthy: "down",
  critical: "down",
  red: "down",
};

export function normaliseStatusWord(value: unknown): ReportedHealth | null {
  return typeof value === "string" ? (STATUS_WORDS[value.trim().toLowerCase()] ?? null) : null;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}

/** The `status` word of a JSON body (`{ "status": "UP" }`); undefined when it is not one. */
function jsonStatus(contentType: string | null, body: string): unknown {
  const looksJson = (contentType ?? "").toLowerCase().includes("json") || /^\s*\{/.test(body);
  if (!looksJson) return undefined;
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>).status : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Maps an HTTP answer: 2xx is ok unless a JSON `status` says otherwise; 5xx is down; anything
 * else is unknown. The message is a status line only: the body of whatever answered is never
 * stored or shown to viewers, so a health check cannot be used to read another system's pages.
 */
export function interpretHealthResponse(answer: {
  status: number;
  statusText?: string;
  contentType: string | null;
  body: string;
}): HealthOutcome {
  const code = `HTTP ${answer.status}${answer.statusText ? ` ${clip(answer.statusText).slice(0, 60)}` : ""}`;
  if (answer.status >= 200 && answer.status < 300) {
    const status = jsonStatus(answer.contentType, answer.body);
    const health = normaliseStatusWord(status);
    if (health) return { health, message: `Health check reported ${health} (${code})`, isFailure: false };
    if (status !== undefined)
      return { health: "ok", message: `Health check answered ${code} with an unrecognised status`, isFailure: false };
    return { health: "ok", message: `Health check answered ${code}`, isFailure: false };
  }
  if (answer.status >= 500) return { health: "down", message: `Health check answered ${code}`, isFailure: true };
  // A 4xx (or a redirect past the limit) says more about the check than about the service.
  return { health: "unknown", message: `Health check answered ${code}; check the health-check URL`, isFailure: true };
}

/** The address policy refused the URL (or where it redirected): nothing was asked. */
export function interpretHealthRefusal(reason: string): HealthOutcome {
  return {
    health: "unknown",
    message: `Health check ${reason}; the server's operator can allow internal hosts with HEALTH_CHECK_ALLOWED_HOSTS`,
    isFailure: true,
  };
}

/** No answer at all: a timeout or a connection error means down. */
export function interpretHealthFailure(error: unknown, timedOut: boolean, timeoutMs: number): HealthOutcome {
  if (timedOut) return { health: "down", message: `Health check timed out after ${formatSeconds(timeoutMs)}`, isFailure: true };
  // Only an error code (ECONNREFUSED, ENOTFOUND…) is shown: nothing the far end wrote.
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = typeof withCode?.code === "string" ? withCode.code : typeof withCode?.cause?.code === "string" ? withCode.cause.code : null;
  const reason = code ?? "connection failed";
  return { health: "down", message: clip(`Health check could not connect: ${reason}`), isFailure: true };
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * How long until the next check: the normal interval after a success, else exponential back-off
 * (backoff, 2×, 4×… capped) by the number of failures in a row, so a dead endpoint is not hammered.
 */
export function nextCheckDelayMs(failuresInARow: number, schedule: HealthSchedule): number {
  if (failuresInARow <= 0) return schedule.intervalMs;
  // Beyond 2^20 the cap has long been reached; stop before the number overflows.
  const exponent = Math.min(failuresInARow - 1, 20);
  return Math.min(schedule.backoffMs * 2 ** exponent, schedule.backoffMaxMs);
}
