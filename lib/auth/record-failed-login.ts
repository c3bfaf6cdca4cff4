import { systemPrincipal } from "../audit/audit-principal.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { hitRateLimit } from "../security/hit-rate-limit.ts";
import { MAX_FAILED_LOGINS } from "./login-policy.ts";
import { keyOf, RULE } from "./login-guard.ts";

/**
 * A wrong password: count it for the pair. When a known account's pair reaches the limit, the
 * audit log says so (no actor: the system throttled it), so admins see guessing.
 */
export async function recordFailedLogin(
  email: string,
  address: string,
  user: { id: string; organizationId: string } | null,
): Promise<void> {
  const result = await hitRateLimit(keyOf(email, address), RULE);
  if (!user || result.remaining !== 0 || !result.allowed) return;
  await recordAudit(db(), systemPrincipal(user.organizationId), {
    action: "user.locked",
    entityType: "User",
    entityId: user.id,
    after: { address, until: new Date(Date.now() + result.retryAfterSeconds * 1000).toISOString(), failedLogins: MAX_FAILED_LOGINS },
  });
}
