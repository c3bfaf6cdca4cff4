// Client-safe: the scored drill report as stored in Drill.report and read by the report page.

export const METRIC_KEYS = ["acknowledge", "severity", "impact", "notifyAll", "identify", "confirm", "firstUpdate"] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export const METRIC_LABELS: Record<MetricKey, string> = {
  acknowledge: "Acknowledge",
  severity: "Set severity",
  impact: "Set impact",
  notifyAll: "Tell every team in the blast radius",
  identify: "Name the failing service",
  confirm: "Confirm the failing service",
  firstUpdate: "First stakeholder update",
};

/** One timed step of the response: null times mean it never happened ("not done"). */
export interface DrillMetric {
  key: MetricKey;
  /** Wall-clock milliseconds from the drill's start. */
  wallMs: number | null;
  /** Scenario ("drill") milliseconds: wall time × the drill's speed. */
  drillMs: number | null;
  /** The instant it happened (ISO), for the timeline reader. */
  at: string | null;
  /** What counted, in words ("SEV1 by Dana Lee", "hypothesis #7"). */
  detail: string;
}

export interface TeamTold {
  id: string;
  name: string;
  /** Owns the failing service (depth 0) or depends on it through `depth` hops. */
  depth: number;
  toldAt: string | null;
  wallMs: number | null;
  drillMs: number | null;
}

/** A metric next to what it is compared with; deltas are drill-time ms (positive = slower now). */
export interface MetricComparison {
  key: MetricKey;
  previous: number | null;
  previousDelta: number | null;
  allDrillsMedian: number | null;
  realMedian: number | null;
  realDelta: number | null;
}

export interface SuggestedAction {
  key: string;
  title: string;
  description: string;
  priority: "high" | "medium" | "low";
  ownerTeamId: string | null;
}

export interface DrillLessons {
  wentWell: string[];
  wasSlow: string[];
  neverTold: string[];
  actions: SuggestedAction[];
}

export interface DrillReport {
  version: 1;
  computedAt: string;
  speed: number;
  startedAt: string;
  endedAt: string;
  wallDurationMs: number;
  drillDurationMs: number;
  failingService: { id: string; name: string } | null;
  metrics: DrillMetric[];
  teams: TeamTold[];
  /** Revenue/orders/customers lost: over wall time at the rates of the moment, and × speed for the scenario. */
  loss: {
    currency: string;
    wall: { revenue: number; orders: number; customers: number };
    drill: { revenue: number; orders: number; customers: number };
  };
  comparison: {
    previousDrill: { id: string; startedAt: string } | null;
    drillsCompared: number;
    realIncidentsCompared: number;
    metrics: MetricComparison[];
  };
  lessons: DrillLessons;
}
