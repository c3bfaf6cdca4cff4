// Pure: a drill's times next to the team's previous drills and the organisation's real incidents.
import { METRIC_KEYS, type DrillMetric, type MetricComparison, type MetricKey } from "./report-types.ts";

export type MetricTimes = Partial<Record<MetricKey, number | null>>;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A stored report's drill-time per metric (null when not done). */
export function timesOf(metrics: readonly DrillMetric[]): MetricTimes {
  return Object.fromEntries(metrics.map((m) => [m.key, m.drillMs]));
}

const delta = (now: number | null, then: number | null | undefined) =>
  now === null || then === null || then === undefined ? null : now - then;

/**
 * `previous`: the last finished drill of the same scenario; `allDrills`: every earlier finished
 * drill (any scenario; a metric not done there is left out of its median); `real`: medians over
 * real incidents only, in ms. Deltas are positive when this drill was slower.
 */
export function compareMetrics(
  metrics: readonly DrillMetric[],
  previous: MetricTimes | null,
  allDrills: readonly MetricTimes[],
  real: MetricTimes,
): MetricComparison[] {
  return METRIC_KEYS.map((key) => {
    const now = metrics.find((m) => m.key === key)?.drillMs ?? null;
    const prev = previous?.[key] ?? null;
    const realMedian = real[key] ?? null;
    return {
      key,
      previous: prev,
      previousDelta: delta(now, prev),
      allDrillsMedian: median(allDrills.flatMap((d) => (typeof d[key] === "number" ? [d[key] as number] : []))),
      realMedian,
      realDelta: delta(now, realMedian),
    };
  });
}
