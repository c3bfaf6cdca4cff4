// Pure: the blameless "what we learned" drafted from a scored drill. It speaks of steps and
// systems, never of people, like a post-mortem; the commander turns suggestions into action items.
import { formatDrillDuration } from "./format-duration.ts";
import {
  METRIC_LABELS,
  type DrillLessons,
  type DrillMetric,
  type MetricComparison,
  type MetricKey,
  type SuggestedAction,
  type TeamTold,
} from "./report-types.ts";

const MINUTE = 60_000;

/**
 * What "in good time" means, in scenario minutes from the first alert. Drawn from common peak
 * runbooks: acknowledge within 5, severity and a first stakeholder word within 10–15, every team
 * that depends on the failing service told within 15, the cause named within 20.
 */
export const TARGETS_MS: Record<MetricKey, number> = {
  acknowledge: 5 * MINUTE,
  severity: 10 * MINUTE,
  impact: 15 * MINUTE,
  notifyAll: 15 * MINUTE,
  identify: 20 * MINUTE,
  confirm: 30 * MINUTE,
  firstUpdate: 15 * MINUTE,
};

const FIX: Record<MetricKey, { title: string; why: string; priority: SuggestedAction["priority"] }> = {
  acknowledge: {
    title: "Page the owning team on the first alert",
    why: "the first alert waited before anyone answered it",
    priority: "high",
  },
  severity: { title: "Add severity guidance to the runbook", why: "setting the severity took longer than it should", priority: "medium" },
  impact: {
    title: "Write down which journeys degrade and how to measure it",
    why: "the impact in money was not visible early",
    priority: "medium",
  },
  notifyAll: { title: "List the teams to tell in the runbook", why: "not every team in the blast radius heard in time", priority: "high" },
  identify: {
    title: "Link the dashboards that point at the failing service",
    why: "naming the failing service took long",
    priority: "high",
  },
  confirm: { title: "Write the check that confirms the failing service", why: "confirming the cause took long", priority: "medium" },
  firstUpdate: { title: "Prepare a stakeholder update template", why: "stakeholders waited for their first update", priority: "medium" },
};

export interface LessonsInput {
  metrics: readonly DrillMetric[];
  comparison: readonly MetricComparison[];
  teams: readonly TeamTold[];
  failingService: { name: string; teamId: string | null } | null;
}

export function draftLessons(input: LessonsInput): DrillLessons {
  const wentWell: string[] = [];
  const wasSlow: string[] = [];
  const actions: SuggestedAction[] = [];
  const owner = input.failingService?.teamId ?? null;
  for (const m of input.metrics) {
    if (m.key === "notifyAll" && m.drillMs === null && input.teams.length) continue; // said under "never told"
    const label = METRIC_LABELS[m.key];
    const target = TARGETS_MS[m.key];
    const real = input.comparison.find((c) => c.key === m.key);
    if (m.drillMs === null) {
      wasSlow.push(`${label}: not done during the drill.`);
    } else if (m.drillMs <= target) {
      const vsReal =
        real?.realDelta !== null && real?.realDelta !== undefined && real.realDelta < 0 ? `, faster than real incidents' median` : "";
      wentWell.push(`${label} in ${formatDrillDuration(m.drillMs)} (target ${formatDrillDuration(target)}${vsReal}).`);
      continue;
    } else {
      wasSlow.push(`${label} took ${formatDrillDuration(m.drillMs)}, target ${formatDrillDuration(target)}.`);
    }
    const fix = FIX[m.key];
    const service = input.failingService?.name ?? "the failing service";
    actions.push({
      key: m.key,
      title: `${fix.title} (${service})`,
      description: `From the drill: ${fix.why}.`,
      priority: fix.priority,
      ownerTeamId: owner,
    });
  }
  const untold = input.teams.filter((t) => t.toldAt === null);
  const neverTold = untold.map(
    (t) =>
      `${t.name} was never told${t.depth > 0 ? ` (depends on the failing service, ${t.depth} hop${t.depth === 1 ? "" : "s"} away)` : " (owns the failing service)"}.`,
  );
  for (const t of untold) {
    actions.push({
      key: `tell:${t.id}`,
      title: `Add ${t.name} to the teams told when ${input.failingService?.name ?? "this service"} fails`,
      description: `From the drill: ${t.name} is in the blast radius and nobody told them.`,
      priority: "high",
      ownerTeamId: t.id,
    });
  }
  return { wentWell, wasSlow, neverTold, actions };
}
