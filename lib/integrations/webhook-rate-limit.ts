import { loadEnv } from "../env.ts";
import { AppError } from "../errors/app-error.ts";
import { CLIENT_IP_HEADER } from "../security/client-ip.ts";
import { hitRateLimit } from "../security/hit-rate-limit.ts";
import { peekRateLimit } from "../security/peek-rate-limit.ts";
import { type RateLimitResult } from "../security/rate-limit.ts";

// Two limits, so a flood cannot silence a real alert source: wrong secrets are counted per client
// address (a guesser is stopped without touching the source's own budget), and authentic requests
// per integration (a runaway sender cannot open incidents without end).
const FAILURE_WINDOW_MS = 5 * 60_000;

function rateLimited(result: RateLimitResult, message: string): AppError {
  return new AppError("rate_limited", message, { retryAfterSeconds: result.retryAfterSeconds });
}

const failureKey = (headers: Headers) => `webhook-auth:${headers.get(CLIENT_IP_HEADER) ?? "unknown"}`;
const failureRule = () => ({ limit: loadEnv().WEBHOOK_AUTH_FAILURES_PER_IP, windowMs: FAILURE_WINDOW_MS });

/** Before checking a secret: refuses an address that has failed too often lately. */
export async function assertNotLockedOut(headers: Headers): Promise<void> {
  const result = await peekRateLimit(failureKey(headers), failureRule());
  if (!result.allowed)
    throw rateLimited(result, `Too many webhook requests with a wrong secret; try again in ${result.retryAfterSeconds} s`);
}

export async function countAuthFailure(headers: Headers): Promise<void> {
  await hitRateLimit(failureKey(headers), failureRule());
}

/** After the secret checked out: one request against the integration's per-minute budget. */
export async function countAuthenticRequest(integrationId: string): Promise<void> {
  const limit = loadEnv().WEBHOOK_REQUESTS_PER_MINUTE;
  const result = await hitRateLimit(`webhook:${integrationId}`, { limit, windowMs: 60_000 });
  if (!result.allowed)
    throw rateLimited(result, `This alert source sent more than ${limit} requests this minute; try again in ${result.retryAfterSeconds} s`);
}
