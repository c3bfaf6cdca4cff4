import { assertCan, type Actor } from "../auth/actor.ts";
import { calendarDay } from "../action-items/follow-up-order.ts";
import { dayOf } from "../action-items/load-action-items.ts";
import type { JourneyName } from "../vocabulary/catalog.ts";
import { db } from "../db/client.ts";
import { drillCondition } from "../incident-record/include-drills.ts";
import { loadImpactModel } from "../impact/impact-settings.ts";
import { followUpStats, lossByJourney, lossByService, perWeek, type InsightIncident } from "./aggregate.ts";
import { attributeJourneyLoss } from "./attribute-loss.ts";
import type { InsightsDto } from "./insights-dto.ts";
import { ZInsightsQuery } from "./schemas.ts";
import { lastWeeks, weekLabel } from "./weeks.ts";
import { blastRadius, buildGraphIndex } from "../catalog/blast-radius.ts";
import { toldByTeam } from "../timeline/told.ts";
import { tellingStats } from "./telling.ts";

const DAY = 86_400_000;

/** Incidents per week, MTTA/MTTR trends, loss by journey and service, follow-up completion. */
export async function getInsights(actor: Actor, query: unknown, now = new Date()): Promise<InsightsDto> {
  assertCan(actor, "incident:read");
  const { weeks, drills } = ZInsightsQuery.parse(query);
  const { model, currency } = await loadImpactModel(db(), actor.organizationId);
  const today = calendarDay(now, model.timeZone);
  const weekStarts = lastWeeks(today, weeks);
  const from = weekStarts[0] ?? today;
  // A day's margin either side of UTC midnight; the exact week is decided on the local day below.
  const rows = await db().incident.findMany({
    where: {
      organizationId: actor.organizationId,
      ...drillCondition(drills),
      startedAt: { gte: new Date(Date.parse(`${from}T00:00:00.000Z`) - DAY) },
    },
    select: {
      severity: true,
      startedAt: true,
      detectedAt: true,
      acknowledgedAt: true,
      resolvedAt: true,
      services: { select: { service: { select: { id: true, name: true } } } },
      events: { where: { kind: "notification", struckAt: null }, select: { seq: true, data: true, occurredAt: true } },
      impactChanges: {
        orderBy: [{ eventSeq: "asc" }, { recordedAt: "asc" }],
        select: { journey: true, degradation: true, effectiveAt: true },
      },
      postmortem: { select: { actionItems: { select: { status: true, dueDate: true } } } },
    },
  });
  const inRange = rows.filter((r) => calendarDay(r.startedAt, model.timeZone) >= from);
  const incidents: InsightIncident[] = inRange.map((r) => {
    const changes = r.impactChanges.map((c) => ({ ...c, journey: c.journey as JourneyName }));
    const { total, byJourney } = attributeJourneyLoss(model, changes, r.startedAt, r.resolvedAt && r.resolvedAt < now ? r.resolvedAt : now);
    return {
      severity: r.severity,
      startedDay: calendarDay(r.startedAt, model.timeZone),
      startedAt: r.startedAt,
      detectedAt: r.detectedAt,
      acknowledgedAt: r.acknowledgedAt,
      resolvedAt: r.resolvedAt,
      services: r.services.map((s) => s.service),
      loss: total,
      journeyLoss: byJourney,
    };
  });
  const telling = tellingStats(inRange.length ? await tellingIncidents(actor.organizationId, inRange) : []);
  const items = inRange.flatMap((r) => r.postmortem?.actionItems.map((a) => ({ status: a.status, dueDate: dayOf(a.dueDate) })) ?? []);
  return {
    weeks,
    from,
    today,
    timeZone: model.timeZone,
    currency,
    incidentCount: incidents.length,
    totalLoss: incidents.reduce((sum, i) => sum + i.loss, 0),
    perWeek: perWeek(incidents, weekStarts).map((w) => ({ ...w, label: weekLabel(w.weekStart) })),
    lossByJourney: lossByJourney(incidents),
    lossByService: lossByService(incidents),
    followUps: followUpStats(items, today),
    telling,
  };
}

/** Each incident's blast-radius teams (over the catalog as it is now, like the room) and when each was first told. */
async function tellingIncidents(
  organizationId: string,
  incidents: {
    startedAt: Date;
    detectedAt: Date | null;
    services: { service: { id: string } }[];
    events: { seq: number; data: unknown; occurredAt: Date }[];
  }[],
) {
  const [services, dependencies] = await Promise.all([
    db().service.findMany({ where: { organizationId }, select: { id: true, name: true, teamId: true, journeys: true } }),
    db().serviceDependency.findMany({
      where: { from: { organizationId } },
      select: { fromId: true, toId: true, isAsync: true, isCritical: true },
    }),
  ]);
  // One index over the catalog for every incident of the range, not one per incident.
  const index = buildGraphIndex({ services, dependencies });
  return incidents.map((i) => ({
    startedAt: i.startedAt,
    detectedAt: i.detectedAt,
    teamIds: blastRadius(
      index,
      i.services.map((s) => s.service.id),
    ).teams.map((t) => t.teamId),
    firstToldAt: new Map([...toldByTeam(i.events)].map(([teamId, t]) => [teamId, t.first.occurredAt])),
  }));
}
