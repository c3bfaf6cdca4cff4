import { db } from "../db/client.ts";

export interface ClaimedCheck {
  id: string;
  organizationId: string;
  url: string;
  failures: number;
}

/**
 * Claims up to `limit` due services for this instance. SKIP LOCKED plus moving
 * healthNextCheckAt forward in the same statement means two instances never claim the same one.
 */
export async function claimDueChecks(limit: number, now: Date, leaseMs: number): Promise<ClaimedCheck[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db().$queryRaw<ClaimedCheck[]>`
    UPDATE "Service" AS s SET "healthNextCheckAt" = ${leaseUntil}
    FROM (
      SELECT id FROM "Service"
      WHERE "healthCheckUrl" IS NOT NULL AND "healthCheckUrl" <> '' AND "healthCheckEnabled"
        AND ("healthNextCheckAt" IS NULL OR "healthNextCheckAt" <= ${now})
      ORDER BY "healthNextCheckAt" ASC NULLS FIRST
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE s.id = due.id
    RETURNING s.id, s."organizationId" AS "organizationId", s."healthCheckUrl" AS url, s."healthFailures" AS failures`;
}
