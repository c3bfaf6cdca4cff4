// Client-safe shape of the insights page's data.
import type { JourneyName } from "../vocabulary/catalog.ts";
import type { FollowUpStats, WeekFigures } from "./aggregate.ts";
import type { TellingStats } from "./telling.ts";

export const INSIGHT_RANGES = [4, 12, 26] as const;
export type InsightRange = (typeof INSIGHT_RANGES)[number];

export interface InsightsDto {
  weeks: InsightRange;
  /** First Monday and today, "YYYY-MM-DD" in the organisation's zone. */
  from: string;
  today: string;
  timeZone: string;
  currency: string;
  incidentCount: number;
  totalLoss: number;
  perWeek: (WeekFigures & { label: string })[];
  lossByJourney: { journey: JourneyName; loss: number }[];
  lossByService: { id: string; name: string; loss: number }[];
  /** Follow-ups of the post-mortems of incidents in the range. */
  followUps: FollowUpStats;
  /** Teams in the incidents' blast radii: told within `withinMinutes` of detection, later, or never. */
  telling: TellingStats;
}
