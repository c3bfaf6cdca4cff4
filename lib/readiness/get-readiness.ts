import { assertCan, type Actor } from "../auth/actor.ts";
import { JOURNEYS, type JourneyName } from "../vocabulary/catalog.ts";
import { db } from "../db/client.ts";
import { loadImpactModel } from "../impact/impact-settings.ts";
import { comingPeak } from "../time/peak-calendar.ts";
import { assessServices, assessTeams, compareServices, compareTeams, peakCoverage, type ReadinessService } from "./readiness-checks.ts";
import { DRILL_FRESH_DAYS, drillCutoff, serviceLastDrills, teamLastDrills } from "./last-drill.ts";
import { loadDrillInvolvements } from "./load-drill-involvements.ts";
import type { ReadinessDto } from "./readiness-dto.ts";

const isJourney = (value: string): value is JourneyName => (JOURNEYS as readonly string[]).includes(value);

/** Service ids named by an integration's routing rules (`serviceRules: [{ label, value, serviceId }]`). */
function ruleServiceIds(rules: unknown): string[] {
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((r: unknown) =>
    r && typeof r === "object" && "serviceId" in r && typeof r.serviceId === "string" ? [r.serviceId] : [],
  );
}

/** The readiness board: every service and team of the actor's organisation against the coming peak. */
export async function getReadiness(actor: Actor, now = new Date()): Promise<ReadinessDto> {
  assertCan(actor, "incident:read");
  const organizationId = actor.organizationId;
  const [{ model, currency }, services, teams, dependencies, integrations, alerted, drills] = await Promise.all([
    loadImpactModel(db(), organizationId),
    db().service.findMany({
      where: { organizationId },
      select: {
        id: true,
        name: true,
        tier: true,
        journeys: true,
        runbookUrl: true,
        healthCheckUrl: true,
        team: { select: { id: true, name: true, onCall: true } },
      },
    }),
    db().team.findMany({
      where: { organizationId },
      select: { id: true, name: true, onCall: true, escalationContact: true, chatChannel: true },
    }),
    db().serviceDependency.findMany({
      where: { from: { organizationId } },
      select: { fromId: true, toId: true, isAsync: true, isCritical: true },
    }),
    db().integration.findMany({ where: { organizationId }, select: { defaultServiceId: true, serviceRules: true } }),
    db().integrationAlert.findMany({
      where: { integration: { organizationId }, serviceId: { not: null } },
      select: { serviceId: true },
      distinct: ["serviceId"],
    }),
    loadDrillInvolvements(organizationId),
  ]);
  const routed = new Set<string>([
    ...integrations.flatMap((i) => [...(i.defaultServiceId ? [i.defaultServiceId] : []), ...ruleServiceIds(i.serviceRules)]),
    ...alerted.flatMap((a) => (a.serviceId ? [a.serviceId] : [])),
  ]);
  const input: ReadinessService[] = services.map((s) => ({
    ...s,
    journeys: s.journeys.filter(isJourney),
    hasAlertSource: routed.has(s.id),
  }));
  const coverage = peakCoverage(model, comingPeak(now, model.timeZone));
  const cutoff = drillCutoff(now, coverage.peak.startsAt);
  const assessed = serviceLastDrills(assessServices(input, dependencies, model, coverage), drills, cutoff, model.timeZone).sort(
    compareServices,
  );
  const ownerOf = new Map(services.map((s) => [s.id, s.team.id]));
  return {
    generatedAt: now.toISOString(),
    currency,
    timeZone: model.timeZone,
    peak: {
      name: coverage.peak.name,
      startsAt: coverage.peak.startsAt.toISOString(),
      endsAt: coverage.peak.endsAt.toISOString(),
      isCovered: coverage.isCovered,
      overlapping: coverage.overlapping,
    },
    hasAlertSources: integrations.length > 0,
    services: assessed,
    teams: teamLastDrills(assessTeams(teams, assessed), ownerOf, drills, cutoff).sort(compareTeams),
    drillFreshDays: DRILL_FRESH_DAYS,
  };
}
