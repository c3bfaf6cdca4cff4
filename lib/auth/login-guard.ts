import { systemPrincipal } from "../audit/audit-principal.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { hitRateLimit, peekRateLimit } from "../security/rate-limit.ts";
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from "./login-policy.ts";

// Password guessing is throttled per account AND address: five wrong passwords for one email
// from one address stop that pair for 15 minutes. Locking the account itself let anyone keep a
// known account shut for its owner, and answering "locked" told them the account existed; the
// throttled pair gets the same answer as any wrong password. Guessing across many accounts from
// one address is the sign-in route's per-address limit (login-rate-limit.ts).

const RULE = { limit: MAX_FAILED_LOGINS, windowMs: LOCK_MINUTES * 60_000 };

const keyOf = (email: string, address: string) => `login-account:${email.toLowerCase()}:${address}`;

/** True while this email may not try a password from this address. */
export async function isThrottled(email: string, address: string): Promise<boolean> {
  return !(await peekRateLimit(keyOf(email, address), RULE)).allowed;
}

/**
 * A wrong password: count it for the pair. When a known account's pair reaches the limit, the
 * audit log says so (no actor: the system throttled it), so admins see guessing.
 */
export async function recordFailedLogin(email: string, address: string, user: { id: string; organizationId: string } | null): Promise<void> {
  const result = await hitRateLimit(keyOf(email, address), RULE);
  if (!user || result.remaining !== 0 || !result.allowed) return;
  await recordAudit(db(), systemPrincipal(user.organizationId), {
    action: "user.locked",
    entityType: "User",
    entityId: user.id,
    after: { address, until: new Date(Date.now() + result.retryAfterSeconds * 1000).toISOString(), failedLogins: MAX_FAILED_LOGINS },
  });
}

/** A correct password: the pair starts counting afresh, so scattered typos never add up. */
export async function recordSuccessfulLogin(email: string, address: string): Promise<void> {
  await db().$executeRaw`DELETE FROM "RateLimitBucket" WHERE "key" = ${keyOf(email, address)}`;
}
