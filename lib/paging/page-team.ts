import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { lockIncident } from "../incident-record/lock-incident.ts";
import { kickOutbound } from "../outbound/kick-outbound.ts";
import { publishTimelineEvent } from "../realtime/emit.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { escalatePage } from "./escalate-page.ts";
import { pageSelect, toPageDto, type PageDto } from "./page-dto.ts";
import { routeSelect } from "./queue-page.ts";
import { ZPageTeam } from "./schemas.ts";
import { triggerPage } from "./trigger-page.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { invalidField } from "../errors/field-errors.ts";

function minutesAgo(then: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - then.getTime()) / 60_000));
}

/**
 * Pages a team from the room: a real page through the team's route, and the notification entry
 * the room, triage and post-mortem read. A second page while one is open is refused with what
 * is known ("already paged 3 min ago, not acknowledged") unless `escalate` asks for the next
 * step of the team's escalation instead; never two alerts at the vendor for one thing.
 */
export async function pageTeam(
  actor: Actor,
  incidentId: string,
  input: unknown,
  now: Date = new Date(),
): Promise<{ page: PageDto; entries: TimelineEventDto[] }> {
  assertCan(actor, "timeline:post");
  const data = ZPageTeam.parse(input);
  const result = await db().$transaction(async (tx) => {
    const incident = await lockIncident(tx, actor, incidentId);
    if (incident.status === "resolved") throw new AppError("conflict", "This incident is resolved; re-open it before paging anyone");
    const team = await tx.team.findFirst({
      where: {
        organizationId: actor.organizationId,
        ...(data.teamId ? { id: data.teamId } : { name: { equals: data.team ?? "", mode: "insensitive" } }),
      },
      select: { id: true, name: true },
    });
    const field = data.teamId ? "teamId" : "team";
    if (!team) throw invalidField(field, "no such team in your organisation");
    const route = await tx.pagingRoute.findUnique({ where: { teamId: team.id }, select: routeSelect });
    if (!route) throw invalidField(field, `${team.name} has no paging route; an admin or commander sets one on the team's page`);
    if (!route.channel.isEnabled) throw invalidField(field, `${team.name}'s paging route is switched off`);

    const by = { userId: actor.userId, name: actor.name };
    const open = await tx.page.findUnique({
      where: { incidentId_teamId: { incidentId: incident.id, teamId: team.id } },
      select: pageSelect,
    });
    if (open?.status === "acknowledged") {
      throw new AppError(
        "conflict",
        `${team.name} already acknowledged${open.acknowledgedBy ? ` (${open.acknowledgedBy})` : ""} ${minutesAgo(open.acknowledgedAt ?? open.pagedAt, now)} min ago`,
        {
          page: toPageDto(open),
        },
      );
    }
    if (open?.status === "triggered") {
      if (!data.escalate) {
        throw new AppError(
          "conflict",
          `Already paged ${team.name} ${minutesAgo(open.pagedAt, now)} min ago, not acknowledged — escalate?`,
          {
            page: toPageDto(open),
            minutesAgo: minutesAgo(open.pagedAt, now),
            canEscalate: true,
          },
        );
      }
      const escalated = await escalatePage(tx, {
        organizationId: actor.organizationId,
        page: open,
        route,
        by,
        now,
        why: `escalated by ${actor.name}`,
      });
      await recordAudit(tx, actor, {
        action: "page.escalate",
        entityType: "Page",
        entityId: open.id,
        before: toPageDto(open),
        after: toPageDto(escalated.page),
      });
      return escalated;
    }
    const triggered = await triggerPage(tx, {
      organizationId: actor.organizationId,
      incidentId: incident.id,
      route,
      reason: data.reason,
      by,
      now,
    });
    await recordAudit(tx, actor, {
      action: "page.trigger",
      entityType: "Page",
      entityId: triggered.page.id,
      after: toPageDto(triggered.page),
    });
    return { page: triggered.page, entries: [triggered.entry] };
  }, TX_OPTIONS);
  for (const e of result.entries) publishTimelineEvent(e);
  kickOutbound();
  return { page: toPageDto(result.page), entries: result.entries };
}
