// Impact baselines of the demo retailer: a mid-size US e-commerce shop (about $4.6M a day),
// and a money-at-stake history for the demo incident so the room shows figures on first start.
import type { JourneyName } from "../vocabulary/catalog.ts";
import type { Prisma } from "../db/generated/client.ts";
import { describeImpactChange, type DescribedChange } from "../impact/describe-change.ts";
import type { JourneyBaselineSpec } from "../impact/model.ts";
import { appendEvent } from "../timeline/append-event.ts";
import { blackFriday, zonedMidnight } from "../time/peak-calendar.ts";

export const DEMO_CURRENCY = "USD";
export const DEMO_TIME_ZONE = "America/New_York";
export const DEMO_RESPONDER_RATE = 120;

/** Hour of day in New York → traffic multiplier; averages exactly 1 so baselines stay daily means. */
export const DEMO_HOURLY_PROFILE = [
  0.55, 0.35, 0.25, 0.2, 0.2, 0.25, 0.45, 0.7, 0.9, 1.0, 1.1, 1.15, 1.3, 1.25, 1.15, 1.05, 1.1, 1.3, 1.55, 1.9, 2.05, 1.95, 1.4, 0.9,
];

// Average order ~$85: 37.6 orders a minute through checkout. Conversion weight: the share of a
// journey's revenue lost when it is fully broken (shoppers still reach products by other paths).
export const DEMO_BASELINES: Record<JourneyName, JourneyBaselineSpec> = {
  browse: { revenuePerMinute: 3200, ordersPerMinute: 37.6, customersPerMinute: 2400, conversionWeight: 0.35 },
  search: { revenuePerMinute: 1450, ordersPerMinute: 17, customersPerMinute: 950, conversionWeight: 0.6 },
  product_page: { revenuePerMinute: 3000, ordersPerMinute: 35, customersPerMinute: 1800, conversionWeight: 0.85 },
  cart: { revenuePerMinute: 3200, ordersPerMinute: 37.6, customersPerMinute: 620, conversionWeight: 0.95 },
  checkout: { revenuePerMinute: 3200, ordersPerMinute: 37.6, customersPerMinute: 210, conversionWeight: 1 },
  payment: { revenuePerMinute: 3200, ordersPerMinute: 37.6, customersPerMinute: 160, conversionWeight: 1 },
  fulfillment: { revenuePerMinute: 3200, ordersPerMinute: 37.6, customersPerMinute: 40, conversionWeight: 0.05 },
  returns: { revenuePerMinute: 180, ordersPerMinute: 4, customersPerMinute: 25, conversionWeight: 0.15 },
  post_purchase: { revenuePerMinute: 300, ordersPerMinute: 3, customersPerMinute: 600, conversionWeight: 0.05 },
};

// Re-exported: the demo's tests and peak windows read them from here.
export { blackFriday, zonedMidnight } from "../time/peak-calendar.ts";

/** This year's early-deals week (×1.5) and Black Friday through Cyber Monday (×4), New York days. */
export function demoPeakWindows(now = new Date()): { name: string; startsAt: Date; endsAt: Date; multiplier: number }[] {
  const bf = blackFriday(now.getUTCFullYear());
  const day = (offset: number) => zonedMidnight(bf.year, bf.month, bf.day + offset, DEMO_TIME_ZONE);
  return [
    { name: "Black Friday week, early deals", startsAt: day(-7), endsAt: day(0), multiplier: 1.5 },
    // Ends when Cyber Monday ends: midnight into Tuesday.
    { name: "Black Friday – Cyber Monday", startsAt: day(0), endsAt: day(4), multiplier: 4 },
  ];
}

const minutesAgo = (m: number, now: Date) => new Date(now.getTime() - m * 60_000);

/**
 * The demo organisation's impact settings and INC-1's impact history: the commander's first
 * estimate (back-dated to the alert), then a partial recovery after the retry job was paused.
 */
export async function seedDemoImpact(
  tx: Prisma.TransactionClient,
  ids: { organizationId: string; incidentId: string; commanderId: string | null; responderId: string | null },
): Promise<void> {
  const now = new Date();
  await tx.organization.update({
    where: { id: ids.organizationId },
    data: {
      currency: DEMO_CURRENCY,
      timeZone: DEMO_TIME_ZONE,
      hourlyProfile: DEMO_HOURLY_PROFILE,
      responderHourlyRate: DEMO_RESPONDER_RATE,
    },
  });
  await tx.journeyBaseline.createMany({
    data: Object.entries(DEMO_BASELINES).map(([journey, b]) => ({
      organizationId: ids.organizationId,
      journey: journey as JourneyName,
      ...b,
    })),
  });
  await tx.peakWindow.createMany({ data: demoPeakWindows(now).map((w) => ({ ...w, organizationId: ids.organizationId })) });

  const history: { by: string | null; at: number; note: string; changes: DescribedChange[] }[] = [
    {
      by: ids.commanderId,
      at: 7,
      note: "first estimate from PSP error rate and checkout funnel",
      changes: [
        {
          journey: "checkout",
          degradation: 60,
          previous: 0,
          effectiveAt: minutesAgo(27, now),
          since: "set",
          failedCheckouts: 310,
          errorRate: 18,
        },
        { journey: "payment", degradation: 45, previous: 0, effectiveAt: minutesAgo(27, now), since: "set", errorRate: 18 },
      ],
    },
    {
      by: ids.responderId,
      at: 3,
      note: "partial recovery since the OMS capture retry job was paused",
      changes: [
        {
          journey: "checkout",
          degradation: 35,
          previous: 60,
          effectiveAt: minutesAgo(8, now),
          since: "set",
          failedCheckouts: 95,
          errorRate: 7,
        },
        {
          journey: "payment",
          degradation: 25,
          previous: 45,
          effectiveAt: minutesAgo(8, now),
          since: "set",
          errorRate: 7,
          supportTickets: 42,
        },
      ],
    },
  ];
  for (const h of history) {
    const recordedAt = minutesAgo(h.at, now);
    const event = await appendEvent(tx, {
      incidentId: ids.incidentId,
      kind: "impact_change",
      body: `Impact: ${h.changes.map((c) => describeImpactChange(c, DEMO_TIME_ZONE, recordedAt)).join("; ")} — ${h.note}`,
      data: {
        field: "impact",
        changes: h.changes.map((c) => ({
          journey: c.journey,
          degradation: c.degradation,
          previous: c.previous,
          since: c.effectiveAt.toISOString(),
          failedCheckouts: c.failedCheckouts ?? null,
          errorRate: c.errorRate ?? null,
          supportTickets: c.supportTickets ?? null,
          surveyResponses: c.surveyResponses ?? null,
        })),
        note: h.note,
      },
      authorId: h.by,
      occurredAt: recordedAt,
      recordedAt,
    });
    await tx.incidentImpactChange.createMany({
      data: h.changes.map((c) => ({
        incidentId: ids.incidentId,
        journey: c.journey,
        degradation: c.degradation,
        effectiveAt: c.effectiveAt,
        failedCheckouts: c.failedCheckouts ?? null,
        errorRate: c.errorRate ?? null,
        supportTickets: c.supportTickets ?? null,
        surveyResponses: c.surveyResponses ?? null,
        authorId: h.by,
        eventSeq: event.seq,
        recordedAt,
      })),
    });
  }
}
