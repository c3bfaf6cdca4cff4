import { loadEnv } from "../env.ts";
import { CLIENT_IP_HEADER } from "../security/client-ip.ts";
import { hitRateLimit } from "../security/hit-rate-limit.ts";
import { RATE_LIMITED } from "./login-policy.ts";

const WINDOW_MS = 5 * 60_000;

/**
 * next-auth's form posts that try a password; other auth routes (session, csrf) are free. Read
 * the way next-auth reads it (action = first segment, provider = second, the rest ignored), so
 * `/callback/credentials/x` counts like the real path; matching the URL's end let it through.
 */
export function isPasswordAttempt(method: string, segments: readonly string[] | undefined): boolean {
  return method === "POST" && segments?.[0] === "callback" && segments[1] === "credentials";
}

/**
 * Counts a sign-in attempt from the request's address. Over the limit: a 429 with Retry-After,
 * whose body also carries the `url` next-auth's signIn() reads, so the form can say why.
 */
export async function limitPasswordAttempt(req: Request): Promise<Response | null> {
  const ip = req.headers.get(CLIENT_IP_HEADER) ?? "unknown";
  const result = await hitRateLimit(`login:${ip}`, { limit: loadEnv().LOGIN_ATTEMPTS_PER_IP, windowMs: WINDOW_MS });
  if (result.allowed) return null;
  const url = new URL("/login", req.url);
  url.searchParams.set("error", RATE_LIMITED);
  return Response.json(
    {
      url: url.toString(),
      error: { code: "rate_limited", message: `Too many sign-in attempts; try again in ${result.retryAfterSeconds} s` },
    },
    { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
  );
}
