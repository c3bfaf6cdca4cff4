import { JOURNEYS, type JourneyName } from "../vocabulary/catalog.ts";
import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "../incident-record/schemas.ts";
import { readJourneyStatus } from "../stakeholder/stakeholder-dto.ts";
import { SIGNAL_WINDOW_MINUTES, type CustomerSignalsDto } from "./customer-signals-dto.ts";

/**
 * Survey answers of the last 30 minutes per journey, the incident's own journeys first (those it
 * set impact for, named in a stakeholder update, or served by a service marked impacted: the
 * catalog says which journeys a service is on). Answers about journeys it does not touch
 * are still listed: customers may see what the room has not noticed yet.
 */
export async function getCustomerSignals(actor: Actor, incidentId: string, now = new Date()): Promise<CustomerSignalsDto> {
  assertCan(actor, "incident:read");
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  const incident = await db().incident.findFirst({
    where: { id: incidentId, organizationId: actor.organizationId },
    select: {
      id: true,
      impactChanges: { distinct: ["journey"], select: { journey: true } },
      services: { select: { service: { select: { journeys: true } } } },
      stakeholderUpdates: { orderBy: { createdAt: "desc" }, take: 1, select: { journeyStatus: true } },
    },
  });
  if (!incident) throw notFound("Incident");
  const touched = new Set<JourneyName>([
    ...incident.impactChanges.map((c) => c.journey),
    ...incident.services.flatMap((s) => s.service.journeys),
    ...(Object.keys(readJourneyStatus(incident.stakeholderUpdates[0]?.journeyStatus)) as JourneyName[]),
  ]);

  const since = new Date(now.getTime() - SIGNAL_WINDOW_MINUTES * 60_000);
  const where = { organizationId: actor.organizationId, journey: { not: null }, answeredAt: { gte: since, lte: now } } as const;
  const [groups, recent] = await Promise.all([
    db().customerSignal.groupBy({ by: ["journey"], where, _count: { _all: true }, _avg: { score: true } }),
    db().customerSignal.findMany({
      where: { ...where, comment: { not: "" } },
      orderBy: { answeredAt: "desc" },
      take: 50,
      select: { journey: true, comment: true, answeredAt: true },
    }),
  ]);
  const journeys = groups
    .filter((g): g is typeof g & { journey: JourneyName } => g.journey !== null)
    .map((g) => ({
      journey: g.journey,
      responses: g._count._all,
      averageScore: g._avg.score === null ? null : Math.round(g._avg.score * 10) / 10,
      comments: recent
        .filter((r) => r.journey === g.journey)
        .slice(0, 3)
        .map((r) => ({ text: r.comment, at: r.answeredAt.toISOString() })),
      touchesIncident: touched.has(g.journey),
    }))
    .sort(
      (a, b) =>
        Number(b.touchesIncident) - Number(a.touchesIncident) ||
        b.responses - a.responses ||
        JOURNEYS.indexOf(a.journey) - JOURNEYS.indexOf(b.journey),
    );
  return { incidentId, windowMinutes: SIGNAL_WINDOW_MINUTES, since: since.toISOString(), journeys };
}
