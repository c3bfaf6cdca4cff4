// Pages one team for one incident inside the caller's transaction: the page row (one per
// incident and team, so its dedup key is stable), the notification entry, the queued request.
import type { Prisma } from "../db/generated/client.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { PAGE_EVENTS } from "./constants.ts";
import { pageSelect, type PageRow } from "./page-dto.ts";
import { incidentForPageSelect, pageIncident, pagingKindOf, queuePageRequest, type RouteRow } from "./queue-page.ts";
import { recordPageTold } from "./record-page-told.ts";
import { pageDedupKey } from "./render-page.ts";

type Tx = Prisma.TransactionClient;

export interface TriggerInput {
  organizationId: string;
  incidentId: string;
  route: RouteRow;
  reason: string;
  /** The person paging; null when the system does (escalation, SEV1 on declare). */
  by: { userId: string; name: string } | null;
  now: Date;
  /** What the entry says, when not the plain "Paged <team>". */
  body?: string;
}

export interface Triggered {
  page: PageRow;
  entry: TimelineEventDto;
}

export function nextEscalation(route: RouteRow, now: Date): Date | null {
  return route.escalateAfterMinutes ? new Date(now.getTime() + route.escalateAfterMinutes * 60_000) : null;
}

export async function triggerPage(tx: Tx, input: TriggerInput): Promise<Triggered> {
  const { route, now } = input;
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: input.incidentId }, select: incidentForPageSelect });
  const kindLabel = { pagerduty: "PagerDuty", opsgenie: "Opsgenie", webhook: "page webhook" }[pagingKindOf(route)];
  const real = input.body ?? `Paged ${route.team.name} via ${kindLabel}${input.reason ? `: ${input.reason}` : ""}`;
  // In a drill the page is practice: recorded (the team counts as told) and never sent.
  const body = incident.drillId
    ? `Practice (drill): would have paged ${route.team.name} via ${kindLabel}${input.reason ? `: ${input.reason}` : ""} — nothing was sent`
    : real;
  const entry = await recordPageTold(tx, {
    incidentId: input.incidentId,
    teamId: route.teamId,
    teamName: route.team.name,
    body,
    authorId: input.by?.userId ?? null,
    occurredAt: now,
  });
  const dedupKey = pageDedupKey(input.incidentId, route.teamId);
  const fields = {
    kind: route.channel.kind,
    status: "triggered" as const,
    reason: input.reason,
    pagedById: input.by?.userId ?? null,
    pagedAt: now,
    eventSeq: entry.seq,
    acknowledgedAt: null,
    acknowledgedBy: null,
    escalations: 0,
    nextEscalationAt: incident.drillId ? null : nextEscalation(route, now),
    lastError: "",
    lastStatusCode: null,
    resolvedAt: null,
  };
  const page = await tx.page.upsert({
    where: { incidentId_teamId: { incidentId: input.incidentId, teamId: route.teamId } },
    create: { organizationId: input.organizationId, incidentId: input.incidentId, teamId: route.teamId, dedupKey, ...fields },
    update: fields,
    select: pageSelect,
  });
  await queuePageRequest(tx, {
    organizationId: input.organizationId,
    route,
    event: PAGE_EVENTS.trigger,
    message: { action: "trigger", dedupKey, incident: pageIncident(incident), reason: input.reason, pagedBy: input.by?.name ?? null },
    pageId: page.id,
    incidentId: input.incidentId,
  });
  return { page, entry };
}
