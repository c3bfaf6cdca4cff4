// Client-safe: survey answers per journey, as impact evidence in the room.
import type { JourneyName } from "../vocabulary/catalog.ts";

export const SIGNAL_WINDOW_MINUTES = 30;

export interface JourneySignalsDto {
  journey: JourneyName;
  responses: number;
  /** Mean score of the answers that had one, null when none did. */
  averageScore: number | null;
  /** Up to three of the newest comments, as customers wrote them. */
  comments: { text: string; at: string }[];
  /** Whether the incident is about this journey (impact set, or named in a stakeholder update). */
  touchesIncident: boolean;
}

export interface CustomerSignalsDto {
  incidentId: string;
  windowMinutes: number;
  since: string;
  journeys: JourneySignalsDto[];
}
