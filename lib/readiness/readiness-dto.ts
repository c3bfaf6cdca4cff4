// Client-safe: what GET /api/readiness answers and the board renders.
import type { ServiceReadiness, TeamReadiness } from "./readiness-checks.ts";

export interface ReadinessDto {
  generatedAt: string;
  currency: string;
  /** The organisation's zone: the peak's days are its calendar days. */
  timeZone: string;
  peak: { name: string; startsAt: string; endsAt: string; isCovered: boolean; overlapping: string[] };
  /** Any alert source is connected at all (else the alert column links to connecting one). */
  hasAlertSources: boolean;
  services: ServiceReadiness[];
  /** A drill older than this many days is stale (red). */
  drillFreshDays: number;
  teams: TeamReadiness[];
}
