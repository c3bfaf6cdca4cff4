// One escalation step of a page nobody acknowledged: page again, page the next contact in the
// team's calling order, or page the escalation team. Each step is a notification entry, so the
// room sees it and the acknowledgement lands on the latest one.
import type { Prisma } from "../db/generated/client.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { PAGE_EVENTS } from "./constants.ts";
import { pageSelect, type PageRow } from "./page-dto.ts";
import { incidentForPageSelect, pageIncident, queuePageRequest, routeSelect, type RouteRow } from "./queue-page.ts";
import { recordPageTold } from "./record-page-told.ts";
import { nextEscalation, triggerPage } from "./trigger-page.ts";

type Tx = Prisma.TransactionClient;

/** Steps past this one stop escalating by themselves (a person can still escalate). */
export const MAX_AUTO_ESCALATIONS = 5;

export interface EscalationResult {
  page: PageRow;
  entries: TimelineEventDto[];
}

/** The next contact of the calling order: the first was paged first, each step moves one on. */
function nextContact(route: RouteRow, step: number): string | null {
  const order = route.team.onCall;
  return order[step] ?? (route.team.escalationContact || null);
}

export async function escalatePage(
  tx: Tx,
  input: { organizationId: string; page: PageRow; route: RouteRow; by: { userId: string; name: string } | null; now: Date; why: string },
): Promise<EscalationResult> {
  const { page, route, now } = input;
  const step = page.escalations + 1;
  const entries: TimelineEventDto[] = [];

  if (route.escalation === "team" && route.escalationTeamId && route.escalationTeamId !== route.teamId) {
    const target = await tx.pagingRoute.findUnique({ where: { teamId: route.escalationTeamId }, select: routeSelect });
    if (target?.channel.isEnabled) {
      const other = await tx.page.findUnique({
        where: { incidentId_teamId: { incidentId: page.incidentId, teamId: target.teamId } },
        select: { status: true },
      });
      if (other?.status !== "triggered" && other?.status !== "acknowledged") {
        const triggered = await triggerPage(tx, {
          organizationId: input.organizationId,
          incidentId: page.incidentId,
          route: target,
          reason: page.reason,
          by: input.by,
          now,
          body: `Escalated to ${target.team.name}: ${route.team.name} ${input.why}`,
        });
        entries.push(triggered.entry);
      }
      const updated = await tx.page.update({
        where: { id: page.id },
        data: { escalations: step, nextEscalationAt: null },
        select: pageSelect,
      });
      return { page: updated, entries };
    }
    // No route for the escalation team: paging the same team again is better than silence.
  }

  const contact = route.escalation === "next_contact" ? nextContact(route, step) : null;
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: page.incidentId }, select: incidentForPageSelect });
  const real = contact
    ? `Escalated: paged ${contact} (next for ${route.team.name}), ${input.why}`
    : `Paged ${route.team.name} again (escalation ${step}), ${input.why}`;
  const body = incident.drillId ? `Practice (drill): would have escalated — ${real} — nothing was sent` : real;
  const entry = await recordPageTold(tx, {
    incidentId: page.incidentId,
    teamId: route.teamId,
    teamName: route.team.name,
    body,
    authorId: input.by?.userId ?? null,
    occurredAt: now,
  });
  entries.push(entry);
  await queuePageRequest(tx, {
    organizationId: input.organizationId,
    route,
    event: PAGE_EVENTS.escalate,
    message: {
      action: "trigger",
      dedupKey: page.dedupKey,
      incident: pageIncident(incident),
      reason: page.reason,
      pagedBy: input.by?.name ?? null,
      contact,
      escalation: step,
    },
    pageId: page.id,
    incidentId: page.incidentId,
  });
  const updated = await tx.page.update({
    where: { id: page.id },
    data: { escalations: step, eventSeq: entry.seq, nextEscalationAt: step < MAX_AUTO_ESCALATIONS ? nextEscalation(route, now) : null },
    select: pageSelect,
  });
  return { page: updated, entries };
}
