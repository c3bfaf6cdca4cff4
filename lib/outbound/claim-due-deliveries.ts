import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";

export interface ClaimedDelivery {
  id: string;
  event: string;
  payload: Prisma.JsonValue;
  attempts: number;
  leaseUntil: Date;
  url: string;
  kind: string;
  secret: string | null;
  isEnabled: boolean;
  /** Set for a page (lib/paging): its answer moves the page's state. */
  pageId: string | null;
}

/**
 * Claims up to `limit` due deliveries for this instance. SKIP LOCKED plus setting the lease in
 * the same statement means two instances never claim the same delivery.
 */
export async function claimDueDeliveries(limit: number, now: Date, leaseMs: number): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db().$queryRaw<ClaimedDelivery[]>`
    UPDATE "OutboundDelivery" AS d SET "leaseUntil" = ${leaseUntil}
    FROM (
      SELECT id FROM "OutboundDelivery"
      WHERE status = 'pending' AND "nextAttemptAt" <= ${now}
        AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${now})
      ORDER BY "nextAttemptAt" ASC
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) AS due, "OutboundChannel" AS c
    WHERE d.id = due.id AND c.id = d."channelId"
    RETURNING d.id, d.event, d.payload, d.attempts, d."leaseUntil" AS "leaseUntil",
      COALESCE(d.url, c.url) AS url, c.kind::text AS kind, c.secret, c."isEnabled" AS "isEnabled", d."pageId" AS "pageId"`;
}
