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
