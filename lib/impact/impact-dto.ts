// Client-safe shapes of the impact API and the `impact:updated` push.
import { z } from "zod";
import { ZPersonRef } from "../validation/person-ref.ts";
import { JOURNEYS } from "../vocabulary/catalog.ts";
import { SEVERITIES, type SeverityName, type StatusName } from "../vocabulary/incidents.ts";

// The answer's shape, once: the DTO types are inferred from it and the OpenAPI document's
// `ImpactSummary` is generated from it (lib/openapi/response-schemas.ts).
const time = z.iso.datetime();

/** Revenue (organisation currency), orders and customers: the same shape as model.ts's Figures. */
export const ZFigures = z.object({ revenue: z.number(), orders: z.number(), customers: z.number() });

export const ZImpactEvidence = z
  .object({
    failedCheckouts: z.number().nullable(),
    errorRate: z.number().nullable().describe("Percent of requests failing, 0..100."),
    supportTickets: z.number().nullable(),
    surveyResponses: z.number().nullable(),
  })
  .describe("The latest value of each measured figure reported for this journey.");
export type ImpactEvidence = z.infer<typeof ZImpactEvidence>;

export const ZImpactJourney = z.object({
  journey: z.enum(JOURNEYS),
  /** Current degradation in percent; 0 once recovered, and 0 once the incident is resolved. */
  degradation: z.number().int().min(0).max(100),
  since: time.describe("Since when the current degradation applies (when the impact ended, once it has)."),
  /** "Was 60% degraded until 07:09": ended by resolution (at resolvedAt) or by being set back to 0 while open. */
  ended: z
    .object({ degradation: z.number().int().min(1).max(100), at: time })
    .nullable()
    .describe("How degraded it was until its impact ended (at resolution, or when set back to 0); null while degraded."),
  perMinute: ZFigures,
  evidence: ZImpactEvidence,
  updatedAt: time,
  updatedBy: ZPersonRef.nullable(),
  estimated: z.boolean().describe("Set by an alert from the service's journeys; no person has confirmed or changed it yet."),
});
export type ImpactJourneyDto = z.infer<typeof ZImpactJourney>;

/** Step chart: each point's values hold until the next point. */
export const ZImpactSeriesPoint = ZFigures.extend({ at: time });
export type ImpactSeriesPoint = z.infer<typeof ZImpactSeriesPoint>;

export const ZImpactSummary = z
  .object({
    incidentId: z.uuid(),
    currency: z.string().describe("ISO 4217."),
    timeZone: z.string(),
    asOf: time.describe("Every figure was computed at this instant."),
    endedAt: time.nullable().describe("When loss stopped accumulating (resolvedAt); null while open."),
    perMinute: ZFigures,
    lossSoFar: ZFigures.describe("Tick it on the client: lossSoFar + perMinute × minutes since asOf."),
    projectionNextHour: ZFigures,
    responseCost: z.object({ amount: z.number(), personHours: z.number(), people: z.number().int(), hourlyRate: z.number() }),
    journeys: z.array(ZImpactJourney),
    estimated: z.boolean().describe('Some current degradation is still an alert\'s estimate ("estimated from alert").'),
    series: z.array(ZImpactSeriesPoint).describe("A step chart: each point holds until the next."),
    priority: z.object({
      score: z.number(),
      revenueShare: z.number(),
      criticality: z.number(),
      suggestedSeverity: z.enum(SEVERITIES).nullable(),
    }),
    rateValidUntil: time.nullable().describe("Refetch then: the next profile hour or peak edge."),
  })
  .describe("Money, orders and customers at stake for one incident.");
export type ImpactSummaryDto = z.infer<typeof ZImpactSummary>;

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
