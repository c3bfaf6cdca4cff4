// Pure and client-safe: the numbers behind "money at stake". No I/O; every function takes the
// organisation's impact model and instants explicitly so it can be unit-tested and reused by
// the browser (the e2e test computes its expected value with these same functions).
import { JOURNEYS, type JourneyName } from "../vocabulary/catalog.ts";

/** Revenue (org currency), orders and customers; per minute or accumulated, as the name says. */
export interface Figures {
  revenue: number;
  orders: number;
  customers: number;
}

export const ZERO: Figures = Object.freeze({ revenue: 0, orders: 0, customers: 0 });

/** What a journey carries on an average minute, and how much of its revenue depends on it (0..1). */
export interface JourneyBaselineSpec {
  revenuePerMinute: number;
  ordersPerMinute: number;
  customersPerMinute: number;
  conversionWeight: number;
}

/** Baselines are multiplied inside [startsAt, endsAt). */
export interface PeakWindowSpec {
  name?: string;
  startsAt: Date;
  endsAt: Date;
  multiplier: number;
}

export interface ImpactModel {
  /** IANA zone the hourly profile is read in. */
  timeZone: string;
  /** 24 multipliers (index = hour of day in timeZone); anything else means flat ×1. */
  hourlyProfile: readonly number[];
  baselines: Partial<Record<JourneyName, JourneyBaselineSpec>>;
  peakWindows: readonly PeakWindowSpec[];
}

/** Degradation in percent (0..100) per journey; journeys left out are working. */
export type Degradations = Partial<Record<JourneyName, number>>;

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** Hour of day (0..23) of an instant in an IANA zone. */
export function hourOfDay(at: Date, timeZone: string): number {
  let f = hourFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", hourCycle: "h23" });
    hourFormatters.set(timeZone, f);
  }
  return Number(f.format(at)) % 24;
}

export function hasHourlyProfile(model: Pick<ImpactModel, "hourlyProfile">): boolean {
  return model.hourlyProfile.length === 24;
}

/** The profile's multiplier for the hour containing `at` (×1 when the profile is flat). */
export function hourlyMultiplier(model: Pick<ImpactModel, "hourlyProfile" | "timeZone">, at: Date): number {
  if (!hasHourlyProfile(model)) return 1;
  return model.hourlyProfile[hourOfDay(at, model.timeZone)] ?? 1;
}

/**
 * The peak multiplier at `at`: ×1 outside every window. When windows overlap, the LARGEST
 * multiplier applies; they do not compound ("Cyber week ×2" around "Black Friday ×4" is ×4 on
 * Black Friday, not ×8), because each window states the traffic expected for that period.
 */
export function peakMultiplier(model: Pick<ImpactModel, "peakWindows">, at: Date): number {
  const t = at.getTime();
  let best = 1;
  let inside = false;
  for (const w of model.peakWindows) {
    if (t >= w.startsAt.getTime() && t < w.endsAt.getTime()) {
      best = inside ? Math.max(best, w.multiplier) : w.multiplier;
      inside = true;
    }
  }
  return best;
}

/**
 * What a journey carries per minute at an instant:
 *   rate_j(t) = baseline_j × profile[hour of t in the org zone] × peak(t)
 * for revenue, orders and customers alike. A journey without a baseline carries nothing.
 */
export function baselineRate(model: ImpactModel, journey: JourneyName, at: Date): Figures {
  const b = model.baselines[journey];
  if (!b) return ZERO;
  const k = hourlyMultiplier(model, at) * peakMultiplier(model, at);
  return { revenue: b.revenuePerMinute * k, orders: b.ordersPerMinute * k, customers: b.customersPerMinute * k };
}

/**
 * Money, orders and customers at risk per minute at an instant, for the degradations in force:
 *
 *   revenue   = min( Σ_j R_j(t) × d_j/100 × w_j ,  max_j R_j(t) )
 *   orders    = min( Σ_j O_j(t) × d_j/100 × w_j ,  max_j O_j(t) )
 *   customers = min( Σ_j C_j(t) × d_j/100 ,        max_j C_j(t) )
 *
 * R, O, C are the journey's baseline rates at t (see baselineRate), d_j its degradation in
 * percent, w_j its conversion weight (0..1: the share of the journey's revenue and orders lost
 * when it is fully broken; checkout 1, browse ~0.35 because shoppers still arrive via search or
 * links). Customers are not weighted: a customer who meets a broken journey is affected whether
 * or not they would have bought. Journeys are stages of the same purchases, so the sum is capped
 * at the busiest journey's rate: checkout and payment both down cannot lose twice the revenue.
 */
export function atRiskPerMinute(model: ImpactModel, degradations: Degradations, at: Date): Figures {
  let revenue = 0;
  let orders = 0;
  let customers = 0;
  let maxR = 0;
  let maxO = 0;
  let maxC = 0;
  for (const journey of JOURNEYS) {
    const b = model.baselines[journey];
    if (!b) continue;
    const rate = baselineRate(model, journey, at);
    maxR = Math.max(maxR, rate.revenue);
    maxO = Math.max(maxO, rate.orders);
    maxC = Math.max(maxC, rate.customers);
    const d = clampPercent(degradations[journey] ?? 0) / 100;
    if (d === 0) continue;
    revenue += rate.revenue * d * b.conversionWeight;
    orders += rate.orders * d * b.conversionWeight;
    customers += rate.customers * d;
  }
  return { revenue: Math.min(revenue, maxR), orders: Math.min(orders, maxO), customers: Math.min(customers, maxC) };
}

/** Everything the organisation takes per minute at t: the busiest journey's revenue (the cap above). */
export function totalRevenuePerMinute(model: ImpactModel, at: Date): number {
  let max = 0;
  for (const journey of JOURNEYS) max = Math.max(max, baselineRate(model, journey, at).revenue);
  return max;
}

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value));
}

export function addFigures(a: Figures, b: Figures, factor = 1): Figures {
  return { revenue: a.revenue + b.revenue * factor, orders: a.orders + b.orders * factor, customers: a.customers + b.customers * factor };
}
