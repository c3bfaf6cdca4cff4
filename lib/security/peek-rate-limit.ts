import { db } from "../db/client.ts";
import { type RateLimit, type RateLimitResult, windowOf } from "./rate-limit.ts";

/** How many requests `key` has made in the current window, without counting this look. */
export async function peekRateLimit(key: string, rule: RateLimit, now = Date.now()): Promise<RateLimitResult> {
  const { start, retryAfterSeconds } = windowOf(now, rule.windowMs);
  const rows = await db().$queryRaw<{ count: number }[]>`
    SELECT "count" FROM "RateLimitBucket" WHERE "key" = ${key} AND "windowStart" = ${start}`;
  const count = Number(rows[0]?.count ?? 0);
  return { allowed: count < rule.limit, retryAfterSeconds, remaining: Math.max(0, rule.limit - count) };
}
