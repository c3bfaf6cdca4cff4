import { z } from "zod";

export interface OutboundConfig {
  isEnabled: boolean;
  /** How often an instance looks for due deliveries (a commit also wakes it at once). */
  tickMs: number;
  /** Per attempt, response included. */
  timeoutMs: number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts: number;
  /** Wait after the first failed attempt; doubles per failure, capped at backoffMaxMs. */
  backoffMs: number;
  backoffMaxMs: number;
  /** Requests in flight at once, per instance. */
  concurrency: number;
}

const ms = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const ZOutboundEnv = z.object({
  OUTBOUND: z
    .enum(["on", "off", "true", "false", "1", "0"], { error: "must be on or off" })
    .default("on")
    .transform((v) => v === "on" || v === "true" || v === "1"),
  OUTBOUND_TICK_MS: ms(50, 600_000, 2_000),
  OUTBOUND_TIMEOUT_MS: ms(100, 60_000, 10_000),
  OUTBOUND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  OUTBOUND_BACKOFF_MS: ms(10, 86_400_000, 5_000),
  OUTBOUND_BACKOFF_MAX_MS: ms(10, 86_400_000, 600_000),
  OUTBOUND_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
});

function toConfig(env: z.infer<typeof ZOutboundEnv>): OutboundConfig {
  return {
    isEnabled: env.OUTBOUND,
    tickMs: env.OUTBOUND_TICK_MS,
    timeoutMs: env.OUTBOUND_TIMEOUT_MS,
    maxAttempts: env.OUTBOUND_MAX_ATTEMPTS,
    backoffMs: env.OUTBOUND_BACKOFF_MS,
    backoffMaxMs: Math.max(env.OUTBOUND_BACKOFF_MAX_MS, env.OUTBOUND_BACKOFF_MS),
    concurrency: env.OUTBOUND_CONCURRENCY,
  };
}

export const DEFAULT_OUTBOUND_CONFIG: OutboundConfig = toConfig(ZOutboundEnv.parse({}));

/** Read once at start-up; a bad value stops the server with a message naming the variable. */
export function loadOutboundConfig(source: Record<string, string | undefined> = process.env): OutboundConfig {
  const relevant = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith("OUTBOUND") && v !== ""));
  const parsed = ZOutboundEnv.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return toConfig(parsed.data);
}
