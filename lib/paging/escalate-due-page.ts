import { db } from "../db/client.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { escalatePage } from "./escalate-page.ts";
import { pageSelect } from "./page-dto.ts";
import { routeSelect } from "./queue-page.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";

export async function escalateDuePage(now: Date): Promise<TimelineEventDto[] | null> {
  return db().$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string; organizationId: string }[]>`
        SELECT p.id, p."organizationId" FROM "Page" p
        JOIN "Incident" i ON i.id = p."incidentId"
        WHERE p.status = 'triggered' AND p."nextEscalationAt" <= ${now} AND i.status <> 'resolved'
        ORDER BY p."nextEscalationAt" ASC
        LIMIT 1
        FOR UPDATE OF p SKIP LOCKED`;
    const claimed = due[0];
    if (!claimed) return null;
    const page = await tx.page.findUniqueOrThrow({ where: { id: claimed.id }, select: pageSelect });
    const route = await tx.pagingRoute.findUnique({ where: { teamId: page.teamId }, select: routeSelect });
    if (!route?.channel.isEnabled) {
      await tx.page.update({ where: { id: page.id }, data: { nextEscalationAt: null } });
      return [];
    }
    const minutes = route.escalateAfterMinutes ?? 0;
    const result = await escalatePage(tx, {
      organizationId: claimed.organizationId,
      page,
      route,
      by: null,
      now,
      why: `not acknowledged within ${minutes} min`,
    });
    return result.entries;
  }, TX_OPTIONS);
}
