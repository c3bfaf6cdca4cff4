// Pure: the timeline sentence for an impact change, shared by the write path and the demo seed.
import { JOURNEY_LABELS, type JourneyName } from "../vocabulary/catalog.ts";
import { formatDateTime } from "../time/format.ts";

/** One journey's change as the timeline sentence needs it. */
export interface DescribedChange {
  journey: JourneyName;
  degradation: number;
  previous: number;
  effectiveAt: Date;
  /** Whether the change was back-dated by the writer (the sentence then says since when). */
  since?: string;
  failedCheckouts?: number | null;
  errorRate?: number | null;
  supportTickets?: number | null;
  surveyResponses?: number | null;
}

function evidenceText(e: DescribedChange): string {
  const parts = [
    e.failedCheckouts != null ? `${e.failedCheckouts.toLocaleString("en-US")} failed checkouts` : "",
    e.errorRate != null ? `error rate ${e.errorRate}%` : "",
    e.supportTickets != null ? `${e.supportTickets.toLocaleString("en-US")} support tickets` : "",
    e.surveyResponses != null ? `${e.surveyResponses.toLocaleString("en-US")} survey responses` : "",
  ].filter(Boolean);
  return parts.map((p) => `, ${p}`).join("");
}

/** "Checkout 40% degraded (was 0%) since 22 Nov, 14:02 EST, 120 failed checkouts". */
export function describeImpactChange(e: DescribedChange, timeZone: string, now: Date): string {
  const state = e.degradation === 0 ? `recovered (was ${e.previous}%)` : `${e.degradation}% degraded (was ${e.previous}%)`;
  const since = e.since && now.getTime() - e.effectiveAt.getTime() >= 60_000 ? ` since ${formatDateTime(e.effectiveAt, timeZone)}` : "";
  return `${JOURNEY_LABELS[e.journey]} ${state}${since}${evidenceText(e)}`;
}
