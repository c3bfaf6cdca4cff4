import { db } from "../db/client.ts";

// Fixed-window counters in the database, so every instance behind a load balancer counts the
// same attempts. One upsert per limited request; limits guard sign-in, tokens and webhooks,
// never the room's own traffic.

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets, for Retry-After (at least 1). */
  retryAfterSeconds: number;
  remaining: number;
}

/** Pure: which window an instant falls in and how long until it ends. */
export function windowOf(now: number, windowMs: number): { start: Date; retryAfterSeconds: number } {
  const start = Math.floor(now / windowMs) * windowMs;
  return { start: new Date(start), retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
}

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

/** How many requests `key` has made in the current window, without counting this look. */
export async function peekRateLimit(key: string, rule: RateLimit, now = Date.now()): Promise<RateLimitResult> {
  const { start, retryAfterSeconds } = windowOf(now, rule.windowMs);
  const rows = await db().$queryRaw<{ count: number }[]>`
    SELECT "count" FROM "RateLimitBucket" WHERE "key" = ${key} AND "windowStart" = ${start}`;
  const count = Number(rows[0]?.count ?? 0);
  return { allowed: count < rule.limit, retryAfterSeconds, remaining: Math.max(0, rule.limit - count) };
}
