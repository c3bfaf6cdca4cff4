// Resolving the incident resolves its pages at the vendor (PagerDuty `resolve`, Opsgenie close by
// alias, page webhook `page.resolve`), queued in the resolving transaction.
import type { Prisma } from "../db/generated/client.ts";
import { PAGE_EVENTS } from "./constants.ts";
import { incidentForPageSelect, pageIncident, queuePageRequest, routeSelect } from "./queue-page.ts";

type Tx = Prisma.TransactionClient;

/** Returns how many pages were resolved (their resolve requests queued; call kickOutbound() after commit). */
export async function resolveIncidentPages(
  tx: Tx,
  organizationId: string,
  incidentId: string,
  resolvedBy: string | null,
  now: Date = new Date(),
): Promise<number> {
  const pages = await tx.page.findMany({
    where: { incidentId, status: { in: ["triggered", "acknowledged"] } },
    select: { id: true, teamId: true, dedupKey: true, reason: true },
  });
  if (!pages.length) return 0;
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: incidentForPageSelect });
  for (const page of pages) {
    await tx.page.update({ where: { id: page.id }, data: { status: "resolved", resolvedAt: now, nextEscalationAt: null } });
    const route = await tx.pagingRoute.findUnique({ where: { teamId: page.teamId }, select: routeSelect });
    if (!route) continue;
    await queuePageRequest(tx, {
      organizationId,
      route,
      event: PAGE_EVENTS.resolve,
      message: { action: "resolve", dedupKey: page.dedupKey, incident: pageIncident(incident), reason: page.reason, pagedBy: resolvedBy },
      pageId: page.id,
      incidentId,
    });
  }
  return pages.length;
}
