// "SEV1 pages the owning team of impacted services" (organisation setting, off by default): after
// a SEV1 is declared, raised to SEV1 or given impacted services, each owning team with a paging
// route that has no page for it yet is paged by the system. Runs after the caller's commit and
// never fails the caller: a page that cannot go out is logged, the incident change stands.
import { db } from "../db/client.ts";
import { errorFields, log } from "../log.ts";
import { kickOutbound } from "../outbound/kick-outbound.ts";
import { publishTimelineEvent } from "../realtime/emit.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { routeSelect } from "./queue-page.ts";
import { triggerPage } from "./trigger-page.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";

async function pageOwners(organizationId: string, incidentId: string, now: Date): Promise<TimelineEventDto[]> {
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ severity: string; status: string; sev1AutoPage: boolean; drillId: string | null }[]>`
        SELECT i.severity::text AS severity, i.status::text AS status, o."sev1AutoPage" AS "sev1AutoPage", i."drillId"::text AS "drillId"
        FROM "Incident" i JOIN "Organization" o ON o.id = i."organizationId"
        WHERE i.id = ${incidentId}::uuid AND i."organizationId" = ${organizationId}::uuid
        FOR UPDATE OF i`;
    const incident = locked[0];
    // A drill's SEV1 is practice: nobody real is woken (a page by hand is recorded as practice).
    if (!incident?.sev1AutoPage || incident.drillId !== null || incident.severity !== "SEV1" || incident.status === "resolved") return [];
    const owners = await tx.incidentService.findMany({
      where: { incidentId },
      select: { service: { select: { teamId: true, name: true } } },
    });
    const entries: TimelineEventDto[] = [];
    const seen = new Set<string>();
    for (const { service } of owners) {
      if (seen.has(service.teamId)) continue;
      seen.add(service.teamId);
      const route = await tx.pagingRoute.findUnique({ where: { teamId: service.teamId }, select: routeSelect });
      if (!route?.channel.isEnabled) continue;
      const existing = await tx.page.findUnique({
        where: { incidentId_teamId: { incidentId, teamId: service.teamId } },
        select: { id: true },
      });
      if (existing) continue;
      const reason = `SEV1 with ${service.name} impacted`;
      const { entry } = await triggerPage(tx, {
        organizationId,
        incidentId,
        route,
        reason,
        by: null,
        now,
        body: `Paged ${route.team.name} automatically: ${reason}`,
      });
      entries.push(entry);
    }
    return entries;
  }, TX_OPTIONS);
}

export async function autoPageSev1(organizationId: string, incidentId: string, now: Date = new Date()): Promise<number> {
  try {
    const entries = await pageOwners(organizationId, incidentId, now);
    for (const e of entries) publishTimelineEvent(e);
    if (entries.length) kickOutbound();
    return entries.length;
  } catch (error) {
    log.error("SEV1 auto-page failed", { incidentId, ...errorFields(error) });
    return 0;
  }
}
