import { db } from "../db/client.ts";
import { type RateLimit, type RateLimitResult, windowOf } from "./rate-limit.ts";

let lastSweep = 0;

/** Counts one request against `key` and says whether it is within the limit. */
export async function hitRateLimit(key: string, rule: RateLimit, now = Date.now()): Promise<RateLimitResult> {
  const { start, retryAfterSeconds } = windowOf(now, rule.windowMs);
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${start}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  // Old windows are useless; clear them now and then rather than on every request.
  if (now - lastSweep > 60_000) {
    lastSweep = now;
    await db().$executeRaw`DELETE FROM "RateLimitBucket" WHERE "windowStart" < ${new Date(now - 24 * 60 * 60 * 1000)}`;
  }
  return { allowed: count <= rule.limit, retryAfterSeconds, remaining: Math.max(0, rule.limit - count) };
}
