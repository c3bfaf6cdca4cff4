// Pure: loss so far and the next hour's projection, integrated exactly over time.
import { JOURNEYS, type JourneyName } from "../vocabulary/catalog.ts";
import { constantOffsetSpans, hourlyMinutes } from "./hourly-minutes.ts";
import { addFigures, atRiskPerMinute, hasHourlyProfile, ZERO, type Degradations, type Figures, type ImpactModel } from "./model.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** One recorded change: from `effectiveAt` on, the journey is `degradation` percent broken. */
export interface ImpactChangeSpec {
  journey: JourneyName;
  degradation: number;
  effectiveAt: Date;
}

/** A journey's degradation as a step function: each step holds until the next one. */
export interface DegradationStep {
  at: Date;
  degradation: number;
}

/**
 * The history per journey, from changes given in the order they were RECORDED. A change
 * recorded later replaces everything from its `effectiveAt` onwards (the latest word from the
 * room wins, even when it is back-dated before an earlier-recorded change), so the last step of
 * each journey is always its current state. Each step then holds from its instant until the
 * next step of that journey.
 */
export function degradationHistory(changes: readonly ImpactChangeSpec[]): Map<JourneyName, DegradationStep[]> {
  const history = new Map<JourneyName, DegradationStep[]>();
  for (const c of changes) {
    const steps = (history.get(c.journey) ?? []).filter((s) => s.at.getTime() < c.effectiveAt.getTime());
    steps.push({ at: c.effectiveAt, degradation: c.degradation });
    history.set(c.journey, steps);
  }
  return history;
}

/** The degradations in force at an instant. */
export function degradationsAt(history: Map<JourneyName, DegradationStep[]>, at: Date): Degradations {
  const t = at.getTime();
  const out: Degradations = {};
  for (const [journey, steps] of history) {
    let d = 0;
    for (const s of steps) if (s.at.getTime() <= t) d = s.degradation;
    if (d > 0) out[journey] = d;
  }
  return out;
}

/** The latest state of each journey (its last step), whatever its instant. */
export function currentDegradations(history: Map<JourneyName, DegradationStep[]>): Degradations {
  const out: Degradations = {};
  for (const [journey, steps] of history) {
    const last = steps.at(-1);
    if (last && last.degradation > 0) out[journey] = last.degradation;
  }
  return out;
}

/**
 * Instants in (from, to) where a journey's baseline rate may change: local hour boundaries of
 * the org zone (only with an hourly profile), UTC offset changes and peak window edges. Stops
 * after `limit` instants (callers over long spans sample instead), so the cost never grows
 * with the length of an incident beyond that.
 */
export function rateBreakpoints(model: ImpactModel, from: Date, to: Date, limit = 2_000): number[] {
  const a = from.getTime();
  const b = to.getTime();
  const points = new Set<number>();
  if (hasHourlyProfile(model) && b > a) {
    outer: for (const span of constantOffsetSpans(model.timeZone, a, b)) {
      if (span.start > a) points.add(span.start);
      for (let t = Math.floor((span.start + span.offset) / HOUR) * HOUR + HOUR - span.offset; t < span.end; t += HOUR) {
        if (t > a) points.add(t);
        if (points.size >= limit) break outer;
      }
    }
  }
  for (const w of model.peakWindows) {
    for (const edge of [w.startsAt.getTime(), w.endsAt.getTime()]) if (edge > a && edge < b) points.add(edge);
  }
  return [...points].sort((x, y) => x - y);
}

/**
 * Pieces of [from, to) within which degradations and the peak multiplier do not change (the
 * hourly profile may: lossBetween integrates it per piece in closed form).
 */
export function segments(
  model: ImpactModel,
  history: Map<JourneyName, DegradationStep[]>,
  from: Date,
  to: Date,
): { start: number; end: number }[] {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return [];
  const cuts = new Set<number>();
  for (const w of model.peakWindows) {
    for (const edge of [w.startsAt.getTime(), w.endsAt.getTime()]) if (edge > a && edge < b) cuts.add(edge);
  }
  for (const steps of history.values()) for (const s of steps) if (s.at.getTime() > a && s.at.getTime() < b) cuts.add(s.at.getTime());
  const sorted = [a, ...[...cuts].sort((x, y) => x - y), b];
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) out.push({ start: sorted[i] as number, end: sorted[i + 1] as number });
  return out;
}

/**
 * Loss between `from` and `to` (usually incident start and resolvedAt or now). The definition,
 * minute by minute: for every minute, the at-risk rate of that minute (atRiskPerMinute with that
 * minute's baseline and the degradations in force), partial minutes pro rata:
 *
 *   loss = ∫ atRisk(t) dt  (t in minutes)
 *
 * Computed exactly, in time proportional to the number of impact changes, peak windows and
 * UTC offset changes (never to the length): between impact changes and peak edges the rate is
 * the hour's profile multiplier times a constant (atRiskPerMinute is linear in it), so each
 * piece is that constant times the profile's integral over the piece (hourlyMinutes).
 */
export function lossBetween(model: ImpactModel, changes: readonly ImpactChangeSpec[], from: Date, to: Date): Figures {
  const history = degradationHistory(changes);
  const flatHours: ImpactModel = { ...model, hourlyProfile: [] };
  let total: Figures = ZERO;
  for (const s of segments(model, history, from, to)) {
    const at = new Date(s.start);
    const rate = atRiskPerMinute(flatHours, degradationsAt(history, at), at);
    total = addFigures(total, rate, hourlyMinutes(model, s.start, s.end));
  }
  return total;
}

/**
 * The next hour if nothing changes: today's degradations held for [now, now + 60 min), each
 * minute at its own baseline (a peak window or a busier hour starting in 20 minutes counts).
 */
export function projectNextHour(model: ImpactModel, degradations: Degradations, now: Date): Figures {
  const changes: ImpactChangeSpec[] = [];
  for (const journey of JOURNEYS) {
    const d = degradations[journey];
    if (d) changes.push({ journey, degradation: d, effectiveAt: now });
  }
  return lossBetween(model, changes, now, new Date(now.getTime() + 60 * MINUTE));
}

/** The next instant after `now` where the at-risk rate may change by itself (hour or peak edge). */
export function nextRateChange(model: ImpactModel, now: Date, horizonMs = 2 * 60 * MINUTE): Date | null {
  const next = rateBreakpoints(model, now, new Date(now.getTime() + horizonMs))[0];
  return next === undefined ? null : new Date(next);
}
