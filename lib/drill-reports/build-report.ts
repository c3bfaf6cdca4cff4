import { computeBlastRadius } from "../catalog/blast-radius.ts";
import type { JourneyName } from "../vocabulary/catalog.ts";
import type { Prisma } from "../db/generated/client.ts";
import { loadImpactModel } from "../impact/impact-settings.ts";
import { lossBetween } from "../impact/loss.ts";
import { draftLessons } from "./draft-lessons.ts";
import type { DrillReport } from "./report-types.ts";
import { compareMetrics, timesOf, type MetricTimes } from "./score-compare.ts";
import { scoreDrill, type ScoredEntry } from "./score-drill.ts";
import { realIncidentMedians } from "./real-medians.ts";

export interface DrillToScore {
  id: string;
  organizationId: string;
  scenarioKey: string;
  speed: number;
  startedAt: Date;
  failingServiceId: string | null;
}

type Tx = Prisma.TransactionClient;

/** Earlier finished drills' stored times: the last of this scenario, and all of them. */
async function earlierDrills(tx: Tx, drill: DrillToScore) {
  const rows = await tx.drill.findMany({
    where: { organizationId: drill.organizationId, status: "finished", id: { not: drill.id }, startedAt: { lt: drill.startedAt } },
    orderBy: { startedAt: "desc" },
    select: { id: true, startedAt: true, scenarioKey: true, report: true },
  });
  const scored = rows.flatMap((r) => {
    const report = r.report as unknown as DrillReport | null;
    return report?.metrics ? [{ ...r, times: timesOf(report.metrics) }] : [];
  });
  const previous = scored.find((r) => r.scenarioKey === drill.scenarioKey) ?? null;
  return { previous, all: scored.map((r): MetricTimes => r.times) };
}

/** The failing service's blast radius over the catalog as it is now: the teams that had to hear. */
async function blastTeams(tx: Tx, organizationId: string, failing: string[]) {
  const [services, dependencies, teams] = await Promise.all([
    tx.service.findMany({ where: { organizationId }, select: { id: true, name: true, teamId: true, journeys: true } }),
    tx.serviceDependency.findMany({
      where: { from: { organizationId } },
      select: { fromId: true, toId: true, isAsync: true, isCritical: true },
    }),
    tx.team.findMany({ where: { organizationId }, select: { id: true, name: true } }),
  ]);
  const names = new Map(teams.map((t) => [t.id, t.name]));
  return computeBlastRadius({ services, dependencies }, failing).teams.map((t) => ({
    id: t.teamId,
    name: names.get(t.teamId) ?? "Unknown team",
    depth: t.depth,
  }));
}

/**
 * Scores a drill from its practice incident's record, inside the transaction that ends it, so
 * the stored report is exactly the record at the end. `endedAt` bounds the loss.
 */
export async function buildDrillReport(tx: Tx, drill: DrillToScore, endedAt: Date): Promise<DrillReport> {
  const incident = await tx.incident.findFirst({
    where: { drillId: drill.id, organizationId: drill.organizationId },
    select: {
      acknowledgedAt: true,
      services: { select: { serviceId: true } },
      events: {
        where: { struckAt: null },
        orderBy: { seq: "asc" },
        select: { seq: true, kind: true, body: true, data: true, occurredAt: true, targetSeq: true, author: { select: { name: true } } },
      },
      impactChanges: {
        orderBy: [{ eventSeq: "asc" }, { recordedAt: "asc" }],
        select: { journey: true, degradation: true, effectiveAt: true, recordedAt: true, estimated: true, authorId: true },
      },
    },
  });
  const service = drill.failingServiceId
    ? await tx.service.findFirst({
        where: { id: drill.failingServiceId, organizationId: drill.organizationId },
        select: { id: true, name: true, aliases: true, teamId: true },
      })
    : null;
  // Without a failing service on record, the services the room marked impacted stand in for it.
  const failing = service ? [service.id] : (incident?.services.map((s) => s.serviceId) ?? []);
  const [teams, earlier, real, { model, currency }] = await Promise.all([
    blastTeams(tx, drill.organizationId, failing),
    earlierDrills(tx, drill),
    realIncidentMedians(tx, drill.organizationId),
    loadImpactModel(tx, drill.organizationId),
  ]);
  const entries: ScoredEntry[] = (incident?.events ?? []).map((e) => ({
    seq: e.seq,
    kind: e.kind,
    body: e.body,
    data: (e.data ?? null) as Record<string, unknown> | null,
    authorName: e.author?.name ?? null,
    occurredAt: e.occurredAt,
    targetSeq: e.targetSeq,
  }));
  const changes = incident?.impactChanges ?? [];
  const score = scoreDrill({
    startedAt: drill.startedAt,
    speed: drill.speed,
    acknowledgedAt: incident?.acknowledgedAt ?? null,
    failingService: service,
    entries,
    impactChanges: changes.map((c) => ({
      journey: c.journey,
      degradation: c.degradation,
      recordedAt: c.recordedAt,
      estimated: c.estimated,
      byPerson: c.authorId !== null,
    })),
    blastTeams: teams,
  });
  // The loss maths over the drill's impact, in wall time; the scenario ran `speed` times faster.
  const end = endedAt > drill.startedAt ? endedAt : drill.startedAt;
  const wall = lossBetween(
    model,
    changes.map((c) => ({ journey: c.journey as JourneyName, degradation: c.degradation, effectiveAt: c.effectiveAt })),
    drill.startedAt,
    end,
  );
  const comparison = compareMetrics(score.metrics, earlier.previous?.times ?? null, earlier.all, real.times);
  const wallDurationMs = end.getTime() - drill.startedAt.getTime();
  return {
    version: 1,
    computedAt: new Date().toISOString(),
    speed: drill.speed,
    startedAt: drill.startedAt.toISOString(),
    endedAt: end.toISOString(),
    wallDurationMs,
    drillDurationMs: wallDurationMs * drill.speed,
    failingService: service ? { id: service.id, name: service.name } : null,
    metrics: score.metrics,
    teams: score.teams,
    loss: {
      currency,
      wall,
      drill: { revenue: wall.revenue * drill.speed, orders: wall.orders * drill.speed, customers: wall.customers * drill.speed },
    },
    comparison: {
      previousDrill: earlier.previous ? { id: earlier.previous.id, startedAt: earlier.previous.startedAt.toISOString() } : null,
      drillsCompared: earlier.all.length,
      realIncidentsCompared: real.count,
      metrics: comparison,
    },
    lessons: draftLessons({
      metrics: score.metrics,
      comparison,
      teams: score.teams,
      failingService: service ? { name: service.name, teamId: service.teamId } : null,
    }),
  };
}
