// Client-safe: how customers should read a journey's state, on the status page and in updates.
import type { JourneyName } from "../vocabulary/catalog.ts";

export const CUSTOMER_STATUSES = ["operational", "degraded", "partial_outage", "major_outage"] as const;
export type CustomerStatusName = (typeof CUSTOMER_STATUSES)[number];

export const CUSTOMER_STATUS_LABELS: Record<CustomerStatusName, string> = {
  operational: "Operational",
  degraded: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
};

/** Worse is higher: the status page shows the worst any open incident says. */
export const CUSTOMER_STATUS_RANK: Record<CustomerStatusName, number> = { operational: 0, degraded: 1, partial_outage: 2, major_outage: 3 };

export function worstStatus(statuses: Iterable<CustomerStatusName>): CustomerStatusName {
  let worst: CustomerStatusName = "operational";
  for (const s of statuses) if (CUSTOMER_STATUS_RANK[s] > CUSTOMER_STATUS_RANK[worst]) worst = s;
  return worst;
}

export type JourneyStatusMap = Partial<Record<JourneyName, CustomerStatusName>>;

/** Quick picks for "next update by", in minutes from now. */
export const NEXT_UPDATE_PICKS = [15, 30, 60] as const;
/** A promise further out than this is not a promise stakeholders can plan around. */
export const MAX_NEXT_UPDATE_MS = 24 * 60 * 60 * 1000;
export const MAX_UPDATE_TEXT = 2000;

/**
 * What to pre-fill for a journey from its measured degradation (0–100 %): the composer's
 * starting point, which the person then corrects.
 */
export function statusForDegradation(degradation: number): CustomerStatusName {
  if (degradation >= 90) return "major_outage";
  if (degradation >= 40) return "partial_outage";
  if (degradation > 0) return "degraded";
  return "operational";
}
