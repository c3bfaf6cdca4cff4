// Pure: is each service and team ready for the coming peak? No I/O, so the rules are unit-tested
// with hand-written catalogs and the board and the API read the same verdicts.
import { blastRadius, buildGraphIndex, type ServiceGraph } from "../catalog/blast-radius.ts";
import type { JourneyName } from "../vocabulary/catalog.ts";
import { atRiskPerMinute, type Degradations, type ImpactModel } from "../impact/model.ts";
import type { PeakPeriod } from "../time/peak-calendar.ts";
import type { LastDrill } from "./last-drill.ts";

export const SERVICE_CHECKS = ["onCall", "runbook", "healthCheck", "alertSource", "baselines", "peakWindow"] as const;
export type ServiceCheck = (typeof SERVICE_CHECKS)[number];

/** `na`: the check does not apply (a service on no customer journey has no baseline to miss). */
export type Verdict = "ok" | "gap" | "na";

export interface ReadinessService {
  id: string;
  name: string;
  tier: number;
  team: { id: string; name: string; onCall: readonly string[] };
  journeys: readonly JourneyName[];
  runbookUrl: string | null;
  healthCheckUrl: string | null;
  /** An alert source routes alerts to it (default service, a rule, or alerts already mapped). */
  hasAlertSource: boolean;
}

export interface ServiceReadiness {
  id: string;
  name: string;
  tier: number;
  team: { id: string; name: string };
  checks: Record<ServiceCheck, Verdict>;
  /** What a person should fix, in words, one per gap. */
  gaps: string[];
  /** Journeys hurt at once when it fails (its own and those of consumers that call it synchronously, transitively). */
  journeysAtStake: JourneyName[];
  /** Revenue per minute lost if it failed completely at the busiest hour of the coming peak's first day. */
  atStakePerMinute: number;
  /** The last finished drill that involved it (set by the board from the drills, lib/readiness/last-drill.ts). */
  lastDrill?: LastDrill;
}

export interface PeakCoverage {
  peak: PeakPeriod;
  /** A peak window covers the whole weekend. */
  isCovered: boolean;
  /** The windows that overlap it, by name; partial cover counts as a gap. */
  overlapping: string[];
}

/** Does some peak window of the organisation cover the whole coming peak? */
export function peakCoverage(model: Pick<ImpactModel, "peakWindows">, peak: PeakPeriod): PeakCoverage {
  const start = peak.startsAt.getTime();
  const end = peak.endsAt.getTime();
  const overlapping = model.peakWindows.filter((w) => w.startsAt.getTime() < end && w.endsAt.getTime() > start);
  // Several windows back to back also cover it: walk them in start order.
  let reached = start;
  for (const w of [...overlapping].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    if (w.startsAt.getTime() > reached) break;
    reached = Math.max(reached, w.endsAt.getTime());
  }
  return { peak, isCovered: reached >= end, overlapping: overlapping.map((w) => w.name ?? "unnamed window") };
}

/** Worst revenue per minute over the 24 hours of the peak's first day (the profile's busiest hour). */
export function peakRevenueAtRisk(model: ImpactModel, journeys: readonly JourneyName[], peak: PeakPeriod): number {
  if (journeys.length === 0) return 0;
  const full: Degradations = Object.fromEntries(journeys.map((j) => [j, 100]));
  let worst = 0;
  for (let hour = 0; hour < 24; hour++) {
    const at = new Date(peak.startsAt.getTime() + hour * 3_600_000 + 30 * 60_000);
    worst = Math.max(worst, atRiskPerMinute(model, full, at).revenue);
  }
  return worst;
}

/** Settings store every journey; one left at zero was never measured, which is the gap. */
function hasBaseline(model: ImpactModel, journey: JourneyName): boolean {
  const b = model.baselines[journey];
  return b !== undefined && (b.revenuePerMinute > 0 || b.ordersPerMinute > 0 || b.customersPerMinute > 0);
}

/**
 * Journeys that break at once when the service fails: its own, and those of services that reach it
 * through synchronous calls only. An asynchronous hop backs a queue up instead of failing a page,
 * so it does not put that journey's money at stake by the minute.
 */
function syncJourneys(
  index: ReturnType<typeof buildGraphIndex>,
  byId: ReadonlyMap<string, ReadinessService>,
  service: ReadinessService,
): JourneyName[] {
  const journeys = new Set<JourneyName>(service.journeys);
  for (const hit of blastRadius(index, [service.id]).affected) {
    if (!hit.isSyncPath) continue;
    for (const j of byId.get(hit.serviceId)?.journeys ?? []) journeys.add(j);
  }
  return [...journeys];
}

/** Every service's verdicts, riskiest first (most $/min at stake, then most gaps, then name). */
export function assessServices(
  services: readonly ReadinessService[],
  dependencies: ServiceGraph["dependencies"],
  model: ImpactModel,
  coverage: PeakCoverage,
): ServiceReadiness[] {
  const index = buildGraphIndex({
    services: services.map((s) => ({ id: s.id, name: s.name, teamId: s.team.id, journeys: s.journeys })),
    dependencies,
  });
  const byId = new Map(services.map((s) => [s.id, s]));
  const rows = services.map((s): ServiceReadiness => {
    const journeysAtStake = syncJourneys(index, byId, s);
    const missingBaselines = journeysAtStake.filter((j) => !hasBaseline(model, j));
    const onStage = journeysAtStake.length > 0;
    const checks: Record<ServiceCheck, Verdict> = {
      onCall: s.team.onCall.length > 0 ? "ok" : "gap",
      runbook: s.runbookUrl ? "ok" : "gap",
      healthCheck: s.healthCheckUrl ? "ok" : "gap",
      alertSource: s.hasAlertSource ? "ok" : "gap",
      baselines: !onStage ? "na" : missingBaselines.length === 0 ? "ok" : "gap",
      peakWindow: !onStage ? "na" : coverage.isCovered ? "ok" : "gap",
    };
    const gaps: string[] = [];
    if (checks.onCall === "gap") gaps.push(`${s.team.name} has no on-call contact`);
    if (checks.runbook === "gap") gaps.push("No runbook");
    if (checks.healthCheck === "gap") gaps.push("No health check");
    if (checks.alertSource === "gap") gaps.push("No alert source mapped to it");
    if (checks.baselines === "gap") gaps.push(`No baseline for ${missingBaselines.join(", ")}`);
    if (checks.peakWindow === "gap") gaps.push(`No peak window covers ${coverage.peak.name}`);
    return {
      id: s.id,
      name: s.name,
      tier: s.tier,
      team: { id: s.team.id, name: s.team.name },
      checks,
      gaps,
      journeysAtStake,
      atStakePerMinute: peakRevenueAtRisk(model, journeysAtStake, coverage.peak),
    };
  });
  return rows.sort(compareServices);
}

/** Riskiest first: most $/min at stake, then most gaps, then name. */
export function compareServices(a: ServiceReadiness, b: ServiceReadiness): number {
  return b.atStakePerMinute - a.atStakePerMinute || b.gaps.length - a.gaps.length || a.name.localeCompare(b.name);
}

export interface TeamReadiness {
  id: string;
  name: string;
  onCall: string[];
  escalationContact: string;
  chatChannel: string | null;
  services: number;
  /** Service gaps of the team's services, added up. */
  serviceGaps: number;
  /** The most any one of its services puts at stake per minute. */
  atStakePerMinute: number;
  gaps: string[];
  lastDrill?: LastDrill;
}

export interface ReadinessTeamInput {
  id: string;
  name: string;
  onCall: readonly string[];
  escalationContact: string;
  chatChannel: string | null;
}

/** Per team: can it be reached, and how much do its services put at stake? Riskiest first. */
export function assessTeams(teams: readonly ReadinessTeamInput[], services: readonly ServiceReadiness[]): TeamReadiness[] {
  return teams
    .map((t): TeamReadiness => {
      const own = services.filter((s) => s.team.id === t.id);
      const gaps: string[] = [];
      if (t.onCall.length === 0) gaps.push("No on-call contact");
      if (!t.escalationContact.trim()) gaps.push("No escalation contact");
      if (!t.chatChannel) gaps.push("No chat channel");
      return {
        id: t.id,
        name: t.name,
        onCall: [...t.onCall],
        escalationContact: t.escalationContact,
        chatChannel: t.chatChannel,
        services: own.length,
        serviceGaps: own.reduce((sum, s) => sum + s.gaps.length, 0),
        atStakePerMinute: own.reduce((max, s) => Math.max(max, s.atStakePerMinute), 0),
        gaps,
      };
    })
    .sort(compareTeams);
}

export function compareTeams(a: TeamReadiness, b: TeamReadiness): number {
  return (
    b.atStakePerMinute - a.atStakePerMinute ||
    b.gaps.length + b.serviceGaps - (a.gaps.length + a.serviceGaps) ||
    a.name.localeCompare(b.name)
  );
}
