import { describe, expect, it } from "vitest";
import {
  followUpStats,
  lossByJourney,
  lossByService,
  median,
  perWeek,
  ttaMinutes,
  ttrMinutes,
  type InsightIncident,
} from "../../lib/insights/aggregate.ts";
import { attributeJourneyLoss } from "../../lib/insights/attribute-loss.ts";
import { isoWeekNumber, lastWeeks, weekLabel, weekStartOf } from "../../lib/insights/weeks.ts";
import type { ImpactModel } from "../../lib/impact/model.ts";

const at = (iso: string) => new Date(iso);

function incident(overrides: Partial<InsightIncident>): InsightIncident {
  return {
    severity: "SEV2",
    startedDay: "2026-11-25",
    startedAt: at("2026-11-25T10:00:00Z"),
    detectedAt: null,
    acknowledgedAt: null,
    resolvedAt: null,
    services: [],
    loss: 0,
    journeyLoss: {},
    ...overrides,
  };
}

describe("ISO weeks", () => {
  it("starts weeks on Monday and numbers them as ISO 8601 does, across a year end", () => {
    expect(weekStartOf("2026-12-02")).toBe("2026-11-30"); // a Wednesday
    expect(weekStartOf("2026-11-30")).toBe("2026-11-30"); // Monday is its own start
    expect(weekStartOf("2026-12-06")).toBe("2026-11-30"); // Sunday ends the week
    expect(weekLabel("2026-11-30")).toBe("W49");
    // 2026 starts on a Thursday: it has 53 weeks, and 1 January 2027 (a Friday) is in its last.
    expect(weekStartOf("2027-01-01")).toBe("2026-12-28");
    expect(isoWeekNumber("2027-01-01")).toBe(53);
    expect(isoWeekNumber("2026-01-01")).toBe(1);
  });

  it("lists the Mondays of the last n weeks, the current one last", () => {
    expect(lastWeeks("2026-12-02", 3)).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
  });
});

describe("response times", () => {
  it("takes the median: the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 40, 20, 30])).toBe(25);
  });

  it("measures MTTA from detection (or the start) and MTTR from the start", () => {
    const base = { startedAt: at("2026-11-25T10:00:00Z") };
    expect(ttaMinutes({ ...base, detectedAt: at("2026-11-25T10:04:00Z"), acknowledgedAt: at("2026-11-25T10:10:00Z") })).toBe(6);
    expect(ttaMinutes({ ...base, detectedAt: null, acknowledgedAt: at("2026-11-25T10:10:00Z") })).toBe(10);
    expect(ttaMinutes({ ...base, detectedAt: null, acknowledgedAt: null })).toBeNull();
    expect(ttrMinutes({ ...base, resolvedAt: at("2026-11-25T12:30:00Z") })).toBe(150);
    expect(ttrMinutes({ ...base, resolvedAt: null })).toBeNull();
  });

  it("counts incidents per week by severity with the week's median MTTA and MTTR, empty weeks as gaps", () => {
    const start = (day: string, hour: string) => at(`${day}T${hour}:00Z`);
    const incidents = [
      incident({
        severity: "SEV1",
        startedDay: "2026-11-23",
        startedAt: start("2026-11-23", "10:00"),
        acknowledgedAt: start("2026-11-23", "10:05"),
        resolvedAt: start("2026-11-23", "11:00"),
      }),
      incident({
        severity: "SEV2",
        startedDay: "2026-11-29",
        startedAt: start("2026-11-29", "10:00"),
        acknowledgedAt: start("2026-11-29", "10:15"),
        resolvedAt: start("2026-11-29", "12:00"),
      }),
      // Still open: counted, but has no MTTR yet.
      incident({
        severity: "SEV2",
        startedDay: "2026-11-25",
        startedAt: start("2026-11-25", "10:00"),
        acknowledgedAt: start("2026-11-25", "10:30"),
      }),
      incident({ severity: "SEV4", startedDay: "2026-12-01", startedAt: start("2026-12-01", "08:00") }),
    ];
    const weeks = perWeek(incidents, ["2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(weeks[0]).toEqual({
      weekStart: "2026-11-16",
      bySeverity: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 },
      total: 0,
      mttaMinutes: null,
      mttrMinutes: null,
    });
    expect(weeks[1]).toEqual({
      weekStart: "2026-11-23",
      bySeverity: { SEV1: 1, SEV2: 2, SEV3: 0, SEV4: 0 },
      total: 3,
      mttaMinutes: 15,
      mttrMinutes: 90,
    });
    expect(weeks[2]).toMatchObject({ total: 1, bySeverity: { SEV4: 1 }, mttaMinutes: null, mttrMinutes: null });
  });
});

describe("loss attribution", () => {
  const model: ImpactModel = {
    timeZone: "UTC",
    hourlyProfile: [],
    baselines: {
      checkout: { revenuePerMinute: 1000, ordersPerMinute: 10, customersPerMinute: 100, conversionWeight: 1 },
      payment: { revenuePerMinute: 1000, ordersPerMinute: 10, customersPerMinute: 80, conversionWeight: 1 },
    },
    peakWindows: [],
  };

  it("splits the capped loss over journeys in proportion to what each lost alone", () => {
    // Checkout 60% and payment 45% for 10 minutes: 600 + 450 a minute, capped at 1,000 → 10,000.
    const changes = [
      { journey: "checkout" as const, degradation: 60, effectiveAt: at("2026-11-25T10:00:00Z") },
      { journey: "payment" as const, degradation: 45, effectiveAt: at("2026-11-25T10:00:00Z") },
    ];
    const { total, byJourney } = attributeJourneyLoss(model, changes, at("2026-11-25T10:00:00Z"), at("2026-11-25T10:10:00Z"));
    expect(total).toBeCloseTo(10_000, 6);
    expect(byJourney.checkout).toBeCloseTo((10_000 * 6000) / 10_500, 6);
    expect(byJourney.payment).toBeCloseTo((10_000 * 4500) / 10_500, 6);
  });

  it("gives a journey its whole loss when it is the only one, and nothing to a journey that recovered at once", () => {
    const changes = [
      { journey: "checkout" as const, degradation: 20, effectiveAt: at("2026-11-25T10:00:00Z") },
      { journey: "payment" as const, degradation: 0, effectiveAt: at("2026-11-25T10:00:00Z") },
    ];
    const { total, byJourney } = attributeJourneyLoss(model, changes, at("2026-11-25T10:00:00Z"), at("2026-11-25T10:30:00Z"));
    expect(total).toBeCloseTo(6000, 6);
    expect(byJourney).toEqual({ checkout: expect.closeTo(6000, 6) });
  });

  it("sums loss by journey across incidents, largest first, and leaves out journeys that lost nothing", () => {
    const rows = lossByJourney([
      incident({ journeyLoss: { checkout: 100, search: 50 } }),
      incident({ journeyLoss: { search: 80, browse: 0 } }),
    ]);
    expect(rows).toEqual([
      { journey: "search", loss: 130 },
      { journey: "checkout", loss: 100 },
    ]);
  });

  it("shares an incident's loss equally among its impacted services", () => {
    const x = { id: "x", name: "Payment gateway adapter" };
    const y = { id: "y", name: "Checkout API" };
    const rows = lossByService([
      incident({ loss: 900, services: [x, y] }),
      incident({ loss: 300, services: [x] }),
      incident({ loss: 100, services: [] }),
      incident({ loss: 0, services: [y] }),
    ]);
    expect(rows).toEqual([
      { id: "x", name: "Payment gateway adapter", loss: 750 },
      { id: "y", name: "Checkout API", loss: 450 },
      { id: "none", name: "No service recorded", loss: 100 },
    ]);
  });
});

describe("follow-up completion", () => {
  it("is done ÷ (all − won't do), with overdue counted among what is still open", () => {
    const stats = followUpStats(
      [
        { status: "done", dueDate: "2026-11-01" },
        { status: "done", dueDate: null },
        { status: "wont_do", dueDate: "2026-11-01" },
        { status: "open", dueDate: "2026-11-30" },
        { status: "in_progress", dueDate: "2026-12-02" },
        { status: "open", dueDate: null },
      ],
      "2026-12-02",
    );
    expect(stats).toEqual({ total: 6, done: 2, wontDo: 1, remaining: 3, overdue: 1, completionRate: 0.4 });
  });

  it("has no rate when nothing counts", () => {
    expect(followUpStats([{ status: "wont_do", dueDate: null }], "2026-12-02").completionRate).toBeNull();
    expect(followUpStats([], "2026-12-02").completionRate).toBeNull();
  });
});
