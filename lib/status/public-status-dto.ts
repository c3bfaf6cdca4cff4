// Client-safe: what the public status page and GET /api/status show. Only what customers may
// read: no people, no internal notes, no money, no internal titles or ids.
import type { JourneyName } from "../vocabulary/catalog.ts";
import type { CustomerStatusName, JourneyStatusMap } from "../stakeholder/constants.ts";

/** Seen by the public at most this stale; a burst of visitors costs one query per window. */
export const STATUS_CACHE_MS = 5_000;

export interface PublicUpdateDto {
  at: string;
  affected: string;
  doing: string;
  nextUpdateBy: string | null;
  journeyStatus: JourneyStatusMap;
}

export interface PublicIncidentDto {
  /** Stable key for the page (the first public update's id), not the internal incident id. */
  key: string;
  /** The customer-facing line, or the latest update's "affected" when none was written. */
  headline: string;
  isResolved: boolean;
  /** investigating, identified, monitoring… in words customers read. */
  stage: string;
  startedAt: string;
  resolvedAt: string | null;
  /** The journeys its latest update names, with their status. */
  journeys: { journey: JourneyName; status: CustomerStatusName }[];
  updates: PublicUpdateDto[];
}

export interface PublicStatusDto {
  organization: { name: string; slug: string; timeZone: string };
  generatedAt: string;
  overall: { status: CustomerStatusName; label: string };
  journeys: { journey: JourneyName; label: string; status: CustomerStatusName }[];
  activeIncidents: PublicIncidentDto[];
  /** Resolved in the last 7 days, newest first. */
  resolvedIncidents: PublicIncidentDto[];
}
