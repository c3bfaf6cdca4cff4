// Pure: everything the room and the triage board show about an incident's impact, at one instant.
import type { JourneyName } from "../vocabulary/catalog.ts";
import type { SeverityName } from "../vocabulary/incidents.ts";
import type { ImpactEvidence, ImpactJourneyDto, ImpactSeriesPoint, ImpactSummaryDto } from "./impact-dto.ts";
import {
  currentDegradations,
  degradationHistory,
  degradationsAt,
  lossBetween,
  nextRateChange,
  projectNextHour,
  rateBreakpoints,
  type ImpactChangeSpec,
} from "./loss.ts";
import { atRiskPerMinute, ZERO, type ImpactModel } from "./model.ts";
import { computePriority } from "./priority.ts";
import { computeResponseCost, type RoleChangeSpec, type StaffingInput } from "./response-cost.ts";

export interface RecordedImpactChange extends ImpactChangeSpec, ImpactEvidence {
  recordedAt: Date;
  author: { id: string; name: string } | null;
  /** Written by an alert, not a person (see lib/integrations/estimate-alert-impact.ts). */
  estimated?: boolean;
}

export interface SummaryInput {
  model: ImpactModel;
  currency: string;
  hourlyRate: number;
  incident: {
    id: string;
    severity: SeverityName;
    startedAt: Date;
    /** When it was declared: people time starts here. */
    declaredAt: Date;
    resolvedAt: Date | null;
    serviceTiers: number[];
    staffing: StaffingInput["current"];
  };
  /** In the order they were recorded. */
  changes: readonly RecordedImpactChange[];
  roleChanges: readonly RoleChangeSpec[];
  /** Who wrote in the timeline and when they first and last did (response cost counts them). */
  participants?: StaffingInput["participants"];
  now: Date;
}

const SERIES_LIMIT = 500;
const HOUR = 3_600_000;

export function summarizeImpact(input: SummaryInput): ImpactSummaryDto {
  const { model, incident, now } = input;
  const end = incident.resolvedAt && incident.resolvedAt < now ? incident.resolvedAt : now;
  const isOpen = !incident.resolvedAt;
  const history = degradationHistory(input.changes);
  const current = isOpen ? currentDegradations(history) : {};
  const perMinute = isOpen ? atRiskPerMinute(model, current, now) : ZERO;
  const lossSoFar = lossBetween(model, input.changes, incident.startedAt, end);
  const projectionNextHour = isOpen ? projectNextHour(model, current, now) : ZERO;
  const cost = computeResponseCost({
    from: incident.declaredAt,
    until: end,
    hourlyRate: input.hourlyRate,
    current: incident.staffing,
    changes: input.roleChanges,
    participants: input.participants ?? [],
  });
  const priority = computePriority(model, {
    severity: incident.severity,
    degradations: current,
    serviceTiers: incident.serviceTiers,
    at: now,
  });
  const next = isOpen ? nextRateChange(model, now) : null;
  const journeys = journeyRows(model, input.changes, history, incident.resolvedAt, now);

  return {
    incidentId: incident.id,
    currency: input.currency,
    timeZone: model.timeZone,
    asOf: now.toISOString(),
    endedAt: incident.resolvedAt?.toISOString() ?? null,
    perMinute,
    lossSoFar,
    projectionNextHour,
    responseCost: { ...cost, hourlyRate: input.hourlyRate },
    journeys,
    estimated: journeys.some((j) => j.estimated && j.degradation > 0),
    series: series(model, input.changes, incident.startedAt, end),
    priority: {
      score: priority.score,
      revenueShare: priority.revenueShare,
      criticality: priority.criticality,
      suggestedSeverity: isOpen ? priority.suggestedSeverity : null,
    },
    rateValidUntil: next?.toISOString() ?? null,
  };
}

function journeyRows(
  model: ImpactModel,
  changes: readonly RecordedImpactChange[],
  history: ReturnType<typeof degradationHistory>,
  resolvedAt: Date | null,
  now: Date,
): ImpactJourneyDto[] {
  const isOpen = !resolvedAt;
  const rows: ImpactJourneyDto[] = [];
  for (const [journey, steps] of history) {
    const last = steps.at(-1);
    if (!last) continue;
    const mine = changes.filter((c) => c.journey === journey);
    const latest = mine.at(-1);
    const evidence: ImpactEvidence = { failedCheckouts: null, errorRate: null, supportTickets: null, surveyResponses: null };
    for (const c of mine) {
      if (c.failedCheckouts !== null) evidence.failedCheckouts = c.failedCheckouts;
      if (c.errorRate !== null) evidence.errorRate = c.errorRate;
      if (c.supportTickets !== null) evidence.supportTickets = c.supportTickets;
      if (c.surveyResponses !== null) evidence.surveyResponses = c.surveyResponses;
    }
    const only = { [journey]: last.degradation } as Partial<Record<JourneyName, number>>;
    // Resolution ends the impact: a journey still marked degraded was so until resolvedAt.
    const lastDegraded = [...steps].reverse().find((s) => s.degradation > 0);
    const endedAt = resolvedAt && last.degradation > 0 ? resolvedAt : last.degradation === 0 && lastDegraded ? last.at : null;
    rows.push({
      journey,
      degradation: resolvedAt ? 0 : last.degradation,
      since: (endedAt ?? last.at).toISOString(),
      ended:
        endedAt && lastDegraded
          ? { degradation: resolvedAt && last.degradation > 0 ? last.degradation : lastDegraded.degradation, at: endedAt.toISOString() }
          : null,
      perMinute: isOpen ? atRiskPerMinute(model, only, now) : ZERO,
      evidence,
      updatedAt: latest?.recordedAt.toISOString() ?? last.at.toISOString(),
      updatedBy: latest?.author ?? null,
      estimated: latest?.estimated ?? false,
    });
  }
  return rows.sort((a, b) => b.perMinute.revenue - a.perMinute.revenue || b.degradation - a.degradation);
}

/** Points at the start, every impact change, every rate change in between, and the end. */
function series(model: ImpactModel, changes: readonly RecordedImpactChange[], from: Date, to: Date): ImpactSeriesPoint[] {
  if (!(to > from)) return [];
  const history = degradationHistory(changes);
  const instants = new Set<number>([from.getTime(), to.getTime()]);
  for (const steps of history.values()) for (const s of steps) if (s.at > from && s.at < to) instants.add(s.at.getTime());
  const span = to.getTime() - from.getTime();
  if (span <= SERIES_LIMIT * HOUR) for (const t of rateBreakpoints(model, from, to)) instants.add(t);
  // Longer than the chart can show hour by hour: an even sample instead of every hour.
  else for (let i = 1; i < SERIES_LIMIT; i++) instants.add(from.getTime() + Math.floor((span * i) / SERIES_LIMIT));
  let sorted = [...instants].sort((a, b) => a - b);
  if (sorted.length > SERIES_LIMIT) {
    // Very long incidents: keep the ends and an even sample, so the chart stays light.
    const step = Math.ceil(sorted.length / SERIES_LIMIT);
    sorted = sorted.filter((_, i) => i % step === 0 || i === sorted.length - 1);
  }
  return sorted.map((t) => {
    const at = new Date(t);
    return { at: at.toISOString(), ...atRiskPerMinute(model, degradationsAt(history, at), at) };
  });
}
