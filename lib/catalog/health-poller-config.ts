import { z } from "zod";
import type { AllowEntry } from "../security/address-policy.ts";
import type { HealthSchedule } from "./health-check-result.ts";
import { loadHealthCheckAllowList } from "./health-check-policy.ts";

export interface HealthPollerConfig extends HealthSchedule {
  isEnabled: boolean;
  /** How often the poller looks for services due a check. */
  tickMs: number;
  /** Per-check limit, the response body included. */
  timeoutMs: number;
  /** Checks in flight at once, per instance. */
  concurrency: number;
  /** Internal hosts and ranges checks may reach (HEALTH_CHECK_ALLOWED_HOSTS); none by default. */
  allowedHosts: readonly AllowEntry[];
}

const ms = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const ZHealthPollerEnv = z.object({
  HEALTH_POLL: z
    .enum(["on", "off", "true", "false", "1", "0"], { error: "must be on or off" })
    .default("on")
    .transform((v) => v === "on" || v === "true" || v === "1"),
  HEALTH_POLL_INTERVAL_MS: ms(1_000, 86_400_000, 30_000),
  HEALTH_POLL_TIMEOUT_MS: ms(100, 60_000, 5_000),
  HEALTH_POLL_BACKOFF_MS: ms(1_000, 86_400_000, 30_000),
  HEALTH_POLL_BACKOFF_MAX_MS: ms(1_000, 86_400_000, 600_000),
  HEALTH_POLL_TICK_MS: ms(100, 600_000, 5_000),
  HEALTH_POLL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
});

export const DEFAULT_HEALTH_POLLER_CONFIG: HealthPollerConfig = toConfig(ZHealthPollerEnv.parse({}));

function toConfig(env: z.infer<typeof ZHealthPollerEnv>): HealthPollerConfig {
  return {
    isEnabled: env.HEALTH_POLL,
    intervalMs: env.HEALTH_POLL_INTERVAL_MS,
    timeoutMs: env.HEALTH_POLL_TIMEOUT_MS,
    backoffMs: env.HEALTH_POLL_BACKOFF_MS,
    backoffMaxMs: Math.max(env.HEALTH_POLL_BACKOFF_MAX_MS, env.HEALTH_POLL_BACKOFF_MS),
    tickMs: env.HEALTH_POLL_TICK_MS,
    concurrency: env.HEALTH_POLL_CONCURRENCY,
    allowedHosts: [],
  };
}

/** Read once at start-up; a bad value stops the server with a message naming the variable. */
export function loadHealthPollerConfig(source: Record<string, string | undefined> = process.env): HealthPollerConfig {
  const relevant = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith("HEALTH_POLL") && v !== ""));
  const parsed = ZHealthPollerEnv.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  let allowedHosts: AllowEntry[];
  try {
    allowedHosts = loadHealthCheckAllowList(source);
  } catch (error) {
    throw new Error(`Invalid configuration:\n  ${error instanceof Error ? error.message : String(error)}`);
  }
  return { ...toConfig(parsed.data), allowedHosts };
}
