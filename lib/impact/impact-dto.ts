// Client-safe shapes of the impact API and the `impact:updated` push.
import type { JourneyName } from "../vocabulary/catalog.ts";
import type { SeverityName, StatusName } from "../vocabulary/incidents.ts";
import type { Figures } from "./model.ts";

export interface ImpactEvidence {
  failedCheckouts: number | null;
  /** Percent of requests failing, 0..100. */
  errorRate: number | null;
  supportTickets: number | null;
  surveyResponses: number | null;
}

export interface ImpactJourneyDto {
  journey: JourneyName;
  /** Current degradation in percent; 0 once recovered, and 0 once the incident is resolved. */
  degradation: number;
  /** Since when the current degradation applies (when the impact ended, once it has). */
  since: string;
  /**
   * How degraded it was until its impact ended: by resolution (at resolvedAt) or by being set
   * back to 0 while open. "Was 60% degraded until 07:09"; null while degraded or never degraded.
   */
  ended: { degradation: number; at: string } | null;
  perMinute: Figures;
  /** The latest value of each measured figure reported for this journey. */
  evidence: ImpactEvidence;
  updatedAt: string;
  updatedBy: { id: string; name: string } | null;
  /** Set by an alert from the service's journeys; no person has confirmed or changed it yet. */
  estimated: boolean;
}

/** Step chart: each point's values hold until the next point. */
export interface ImpactSeriesPoint extends Figures {
  at: string;
}

export interface ImpactSummaryDto {
  incidentId: string;
  currency: string;
  timeZone: string;
  /** The instant every figure was computed at; clients tick lossSoFar from here with perMinute. */
  asOf: string;
  /** When loss stopped accumulating (resolvedAt), or null while open. */
  endedAt: string | null;
  perMinute: Figures;
  lossSoFar: Figures;
  projectionNextHour: Figures;
  responseCost: { amount: number; personHours: number; people: number; hourlyRate: number };
  journeys: ImpactJourneyDto[];
  /** Some current degradation is still the alert's estimate ("estimated from alert"). */
  estimated: boolean;
  series: ImpactSeriesPoint[];
  priority: { score: number; revenueShare: number; criticality: number; suggestedSeverity: SeverityName | null };
  /** When perMinute will change by itself (hour of the profile, peak window edge): refetch then. */
  rateValidUntil: string | null;
}

export interface TriageRowDto {
  incident: {
    id: string;
    ref: string;
    title: string;
    /** A game-day drill's practice incident: marked DRILL on the board. */
    drillId: string | null;
    severity: SeverityName;
    status: StatusName;
    startedAt: string;
    commander: { id: string; name: string } | null;
    /** The owning team's first on call, offered by a page-worthy alert while nobody commands. */
    suggestedCommander: { id: string; name: string } | null;
  };
  impact: ImpactSummaryDto;
  /** Teams in the blast radius nobody has told yet (latest notification entry per team). */
  teamsNotNotified: { id: string; name: string }[];
  teamsTotal: number;
  /** "Next update by" of the latest stakeholder update; null when none was promised. */
  stakeholderUpdateDueAt: string | null;
}

export interface TriageDto {
  asOf: string;
  currency: string;
  incidents: TriageRowDto[];
}

// The socket events that carry this DTO, added to realtime's event map (lib/realtime/protocol.ts).
declare module "../realtime/protocol.ts" {
  interface ServerToClientEvents {
    "impact:updated": (payload: { incidentId: string; impact: ImpactSummaryDto }) => void;
  }
}
