// Pure: how the triage board ranks concurrent incidents, and when impact implies a worse severity.
import { JOURNEYS } from "../vocabulary/catalog.ts";
import type { SeverityName } from "../vocabulary/incidents.ts";
import { atRiskPerMinute, totalRevenuePerMinute, type Degradations, type ImpactModel } from "./model.ts";

/** Points for the declared severity: it still counts, but measured impact outweighs it. */
export const SEVERITY_POINTS: Record<SeverityName, number> = { SEV1: 40, SEV2: 25, SEV3: 10, SEV4: 0 };
/** Criticality of an impacted service's tier when no journey degradation has been set. */
export const TIER_CRITICALITY: Record<number, number> = { 1: 0.5, 2: 0.25, 3: 0.1 };

export interface PriorityInput {
  severity: SeverityName;
  degradations: Degradations;
  /** Tiers of the incident's impacted services (1 = customer-critical). */
  serviceTiers: readonly number[];
  at: Date;
}

export interface Priority {
  score: number;
  /** Revenue at risk now as a share (0..1) of everything the organisation takes per minute. */
  revenueShare: number;
  /** 0..1: the most critical degraded journey's conversion weight, or the best service tier's. */
  criticality: number;
  /** A worse severity than the declared one when impact implies it; the commander decides. */
  suggestedSeverity: SeverityName | null;
}

/**
 *   score = 100 × share + 30 × criticality + severityPoints
 *
 * share = revenue at risk per minute now ÷ total revenue per minute now (both at this minute's
 * baseline, so the score does not depend on the currency or the time of day); criticality =
 * max(conversion weight of every journey with degradation > 0, TIER_CRITICALITY of the best
 * impacted service tier); severityPoints SEV1 40, SEV2 25, SEV3 10, SEV4 0. Range 0..170.
 * Checkout 40% down at SEV2 (40 + 30 + 25 = 95) outranks a SEV1 product-page glitch at 10%
 * (weight 0.85: 8.5 + 25.5 + 40 = 74): failures at checkout trump loud product-page glitches.
 */
export function computePriority(model: ImpactModel, input: PriorityInput): Priority {
  const total = totalRevenuePerMinute(model, input.at);
  const atRisk = atRiskPerMinute(model, input.degradations, input.at);
  const revenueShare = total > 0 ? Math.min(1, atRisk.revenue / total) : 0;
  let criticality = 0;
  for (const journey of JOURNEYS) {
    if ((input.degradations[journey] ?? 0) > 0) criticality = Math.max(criticality, model.baselines[journey]?.conversionWeight ?? 0);
  }
  for (const tier of input.serviceTiers) criticality = Math.max(criticality, TIER_CRITICALITY[tier] ?? 0);
  const score = 100 * revenueShare + 30 * criticality + SEVERITY_POINTS[input.severity];
  const customersAffected = atRisk.customers > 0;
  return {
    score: round1(score),
    revenueShare,
    criticality,
    suggestedSeverity: suggestSeverity(input.severity, revenueShare, customersAffected),
  };
}

/**
 * Severity implied by impact: SEV1 when ≥ 25% of revenue is at risk ("revenue stopped"), SEV2
 * from 5%, SEV3 for any customers affected. Suggested only when worse than the declared one;
 * never applied automatically.
 */
export function suggestSeverity(current: SeverityName, revenueShare: number, customersAffected: boolean): SeverityName | null {
  const implied: SeverityName | null =
    revenueShare >= 0.25 ? "SEV1" : revenueShare >= 0.05 ? "SEV2" : customersAffected || revenueShare > 0 ? "SEV3" : null;
  return implied && implied < current ? implied : null;
}

/** Board order: score, then money per minute, then worse severity, then the older incident. */
export function compareTriage(
  a: { score: number; revenuePerMinute: number; severity: SeverityName; startedAt: string },
  b: { score: number; revenuePerMinute: number; severity: SeverityName; startedAt: string },
): number {
  return (
    b.score - a.score ||
    b.revenuePerMinute - a.revenuePerMinute ||
    a.severity.localeCompare(b.severity) ||
    a.startedAt.localeCompare(b.startedAt)
  );
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
