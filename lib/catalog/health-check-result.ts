// Pure: what a health-check answer means, and when to ask again. No I/O, unit-tested alone.
import type { HealthName } from "./constants.ts";

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

/** `{ status, message }` (or `output`, `description`) from a JSON body; null when it is not one. */
function parseJsonBody(contentType: string | null, body: string): { status: unknown; message: string } | null {
  const looksJson = (contentType ?? "").toLowerCase().includes("json") || /^\s*\{/.test(body);
  if (!looksJson) return null;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
    const record = parsed as Record<string, unknown>;
    const text = [record.message, record.output, record.description].find((v): v is string => typeof v === "string") ?? "";
    return { status: record.status, message: text };
  } catch {
    return null;
  }
}

/** Maps an HTTP answer: 2xx is ok unless a JSON body says otherwise; 5xx is down; anything else is unknown. */
export function interpretHealthResponse(answer: { status: number; statusText?: string; contentType: string | null; body: string }): HealthOutcome {
  const code = `${answer.status}${answer.statusText ? ` ${answer.statusText}` : ""}`;
  const json = parseJsonBody(answer.contentType, answer.body);
  const detail = json?.message ? `: ${json.message}` : "";
  if (answer.status >= 200 && answer.status < 300) {
    if (json && json.status !== undefined) {
      const health = normaliseStatusWord(json.status);
      if (health) return { health, message: clip(json.message || `Health check reported ${health}`), isFailure: false };
      return { health: "ok", message: clip(`Health check answered ${code} with an unrecognised status ${JSON.stringify(json.status)}${detail}`), isFailure: false };
    }
    return { health: "ok", message: clip(json?.message || `Health check answered ${code}`), isFailure: false };
  }
  if (answer.status >= 500) return { health: "down", message: clip(`Health check answered ${code}${detail}`), isFailure: true };
  // A 4xx says more about the check (wrong URL, missing credentials) than about the service.
  return { health: "unknown", message: clip(`Health check answered ${code}${detail}; check the health-check URL`), isFailure: true };
}

/** No answer at all: a timeout or a connection error means down. */
export function interpretHealthFailure(error: unknown, timedOut: boolean, timeoutMs: number): HealthOutcome {
  if (timedOut) return { health: "down", message: `Health check timed out after ${formatSeconds(timeoutMs)}`, isFailure: true };
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const reason =
    typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : error instanceof Error ? error.message : String(error);
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
