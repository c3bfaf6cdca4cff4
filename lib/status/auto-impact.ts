// Journeys an open incident's impact marks degraded, worded for customers: what the status
// page shows by itself when the organisation turned that on and nobody published a line yet.
import { JOURNEY_LABELS, type JourneyName } from "../vocabulary/catalog.ts";
import { currentDegradations, degradationHistory } from "../impact/loss.ts";
import { CUSTOMER_STATUS_RANK, statusForDegradation, type CustomerStatusName } from "../stakeholder/constants.ts";

export interface ImpactRow {
  journey: string;
  degradation: number;
  effectiveAt: Date;
}

/** The journeys degraded now (latest change per journey > 0 %), worst first. */
export function journeysFromImpact(rows: readonly ImpactRow[]): { journey: JourneyName; status: CustomerStatusName }[] {
  const current = currentDegradations(degradationHistory(rows.map((r) => ({ ...r, journey: r.journey as JourneyName }))));
  return Object.entries(current)
    .map(([journey, degradation]) => ({ journey: journey as JourneyName, status: statusForDegradation(degradation ?? 0) }))
    .filter((j) => j.status !== "operational")
    .sort((a, b) => CUSTOMER_STATUS_RANK[b.status] - CUSTOMER_STATUS_RANK[a.status]);
}

/** "We are investigating problems with Checkout and Payment.": generic, nothing internal. */
export function autoHeadline(journeys: readonly JourneyName[]): string {
  const names = journeys.map((j) => JOURNEY_LABELS[j]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "some services");
  return `We are investigating problems with ${list}.`;
}
