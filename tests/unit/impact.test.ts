import { describe, expect, it } from "vitest";
import type { JourneyName } from "../../lib/vocabulary/catalog.ts";
import {
  degradationHistory,
  degradationsAt,
  lossBetween,
  nextRateChange,
  projectNextHour,
  type ImpactChangeSpec,
} from "../../lib/impact/loss.ts";
import { atRiskPerMinute, baselineRate, peakMultiplier, type ImpactModel } from "../../lib/impact/model.ts";
import { compareTriage, computePriority, suggestSeverity } from "../../lib/impact/priority.ts";
import { computeResponseCost } from "../../lib/impact/response-cost.ts";
import { summarizeImpact } from "../../lib/impact/summarize-impact.ts";
import { blackFriday, demoPeakWindows, DEMO_HOURLY_PROFILE } from "../../lib/seed/demo-baselines.ts";

const at = (iso: string) => new Date(iso);
const flat = (overrides: Partial<ImpactModel> = {}): ImpactModel => ({
  timeZone: "UTC",
  hourlyProfile: [],
  baselines: {
    checkout: { revenuePerMinute: 1000, ordersPerMinute: 10, customersPerMinute: 100, conversionWeight: 1 },
    payment: { revenuePerMinute: 1000, ordersPerMinute: 10, customersPerMinute: 80, conversionWeight: 1 },
    product_page: { revenuePerMinute: 1000, ordersPerMinute: 10, customersPerMinute: 400, conversionWeight: 0.85 },
    browse: { revenuePerMinute: 1000, ordersPerMinute: 10, customersPerMinute: 500, conversionWeight: 0.5 },
  },
  peakWindows: [],
  ...overrides,
});
const change = (journey: JourneyName, degradation: number, iso: string): ImpactChangeSpec => ({
  journey,
  degradation,
  effectiveAt: at(iso),
});

describe("baseline rate", () => {
  it("multiplies the baseline by the hour of the profile in the org zone and the peak window", () => {
    const profile = Array.from({ length: 24 }, (_, h) => (h === 20 ? 2 : 1));
    const model = flat({
      timeZone: "Europe/Berlin",
      hourlyProfile: profile,
      peakWindows: [{ startsAt: at("2026-11-27T00:00:00Z"), endsAt: at("2026-12-01T00:00:00Z"), multiplier: 4 }],
    });
    // 19:30 UTC is 20:30 in Berlin (UTC+1 in November): ×2, and inside Black Friday: ×4.
    expect(baselineRate(model, "checkout", at("2026-11-27T19:30:00Z"))).toEqual({ revenue: 8000, orders: 80, customers: 800 });
    expect(baselineRate(model, "checkout", at("2026-11-26T19:30:00Z")).revenue).toBe(2000);
    expect(baselineRate(model, "checkout", at("2026-11-26T18:30:00Z")).revenue).toBe(1000);
    expect(baselineRate(model, "returns", at("2026-11-26T18:30:00Z")).revenue).toBe(0);
  });

  it("takes the largest multiplier when peak windows overlap, and ends a window at endsAt", () => {
    const model = flat({
      peakWindows: [
        { startsAt: at("2026-11-23T00:00:00Z"), endsAt: at("2026-12-01T00:00:00Z"), multiplier: 2 },
        { startsAt: at("2026-11-27T00:00:00Z"), endsAt: at("2026-11-28T00:00:00Z"), multiplier: 4 },
      ],
    });
    expect(peakMultiplier(model, at("2026-11-27T12:00:00Z"))).toBe(4);
    expect(peakMultiplier(model, at("2026-11-28T00:00:00Z"))).toBe(2);
    expect(peakMultiplier(model, at("2026-12-01T00:00:00Z"))).toBe(1);
  });
});

describe("at risk per minute", () => {
  it("weights revenue and orders by conversion weight, not customers", () => {
    const r = atRiskPerMinute(flat(), { checkout: 40, browse: 10 }, at("2026-11-22T10:00:00Z"));
    // revenue 1000×0.4×1 + 1000×0.1×0.5 = 450; orders 4 + 0.5; customers 100×0.4 + 500×0.1 = 90.
    expect(r).toEqual({ revenue: 450, orders: 4.5, customers: 90 });
  });

  it("caps the sum at the busiest journey: checkout and payment down do not lose twice", () => {
    expect(atRiskPerMinute(flat(), { checkout: 100, payment: 100 }, at("2026-11-22T10:00:00Z")).revenue).toBe(1000);
  });
});

describe("loss so far", () => {
  it("integrates across changing degradation (hand-computed)", () => {
    const changes = [change("checkout", 50, "2026-11-22T10:00:00Z"), change("checkout", 20, "2026-11-22T10:10:00Z")];
    // 10 min × 1000 × 50% + 20 min × 1000 × 20% = 5,000 + 4,000.
    expect(lossBetween(flat(), changes, at("2026-11-22T10:00:00Z"), at("2026-11-22T10:30:00Z"))).toEqual({
      revenue: 9000,
      orders: 90,
      customers: 900,
    });
  });

  it("integrates across a peak window boundary (hand-computed)", () => {
    const model = flat({ peakWindows: [{ startsAt: at("2026-11-22T10:15:00Z"), endsAt: at("2026-11-23T00:00:00Z"), multiplier: 4 }] });
    // 15 min × 1000 × 50% + 15 min × 4000 × 50% = 7,500 + 30,000.
    const loss = lossBetween(
      model,
      [change("checkout", 50, "2026-11-22T10:00:00Z")],
      at("2026-11-22T10:00:00Z"),
      at("2026-11-22T10:30:00Z"),
    );
    expect(loss.revenue).toBe(37_500);
  });

  it("integrates across an hour boundary of the profile in the org zone (hand-computed)", () => {
    const model = flat({ timeZone: "Europe/Berlin", hourlyProfile: Array.from({ length: 24 }, (_, h) => (h === 20 ? 2 : 1)) });
    // 18:40Z–19:00Z is 19:40–20:00 in Berlin (×1), 19:00Z–19:20Z is 20:00–20:20 (×2):
    // 20 × 1000 × 30% + 20 × 2000 × 30% = 6,000 + 12,000.
    const loss = lossBetween(
      model,
      [change("checkout", 30, "2026-11-22T18:40:00Z")],
      at("2026-11-22T18:40:00Z"),
      at("2026-11-22T19:20:00Z"),
    );
    expect(loss.revenue).toBeCloseTo(18_000, 6);
  });

  it("counts partial minutes pro rata and nothing before the incident started", () => {
    const changes = [change("checkout", 60, "2026-11-22T09:50:00Z"), change("checkout", 0, "2026-11-22T10:00:30Z")];
    // Only 10:00:00–10:00:30 lies in the incident: half a minute × 1000 × 60%.
    expect(lossBetween(flat(), changes, at("2026-11-22T10:00:00Z"), at("2026-11-22T10:05:00Z")).revenue).toBe(300);
  });

  it("lets a later, back-dated change replace what was recorded after its start", () => {
    const changes = [
      change("checkout", 50, "2026-11-22T10:00:00Z"),
      change("checkout", 20, "2026-11-22T10:20:00Z"),
      // Recorded last, effective from 10:10: the 20% from 10:20 is superseded.
      change("checkout", 80, "2026-11-22T10:10:00Z"),
    ];
    const history = degradationHistory(changes);
    expect(degradationsAt(history, at("2026-11-22T10:25:00Z"))).toEqual({ checkout: 80 });
    // 10 × 500 + 20 × 800.
    expect(lossBetween(flat(), changes, at("2026-11-22T10:00:00Z"), at("2026-11-22T10:30:00Z")).revenue).toBe(21_000);
  });

  it("equals the second-by-second definition over hours, peaks and changes", () => {
    const model = flat({
      timeZone: "America/New_York",
      hourlyProfile: Array.from({ length: 24 }, (_, h) => 0.5 + h / 12),
      peakWindows: [
        { startsAt: at("2026-11-22T15:07:00Z"), endsAt: at("2026-11-22T15:41:00Z"), multiplier: 3 },
        { startsAt: at("2026-11-22T15:30:00Z"), endsAt: at("2026-11-22T16:10:00Z"), multiplier: 1.5 },
      ],
    });
    const changes = [
      change("checkout", 35, "2026-11-22T14:50:00Z"),
      change("browse", 70, "2026-11-22T15:02:13Z"),
      change("checkout", 90, "2026-11-22T15:33:05Z"),
      change("browse", 0, "2026-11-22T15:58:00Z"),
    ];
    const from = at("2026-11-22T14:55:00Z");
    const to = at("2026-11-22T16:20:00Z");
    const history = degradationHistory(changes);
    let reference = 0;
    for (let t = from.getTime(); t < to.getTime(); t += 1000) {
      reference += atRiskPerMinute(model, degradationsAt(history, new Date(t)), new Date(t)).revenue / 60;
    }
    expect(lossBetween(model, changes, from, to).revenue).toBeCloseTo(reference, 6);
  });
});

describe("projection for the next hour", () => {
  it("holds today's degradation and uses each future minute's baseline (a peak in 20 min counts)", () => {
    const model = flat({ peakWindows: [{ startsAt: at("2026-11-22T10:20:00Z"), endsAt: at("2026-11-23T00:00:00Z"), multiplier: 4 }] });
    // 20 × 1000 × 40% + 40 × 4000 × 40% = 8,000 + 64,000.
    expect(projectNextHour(model, { checkout: 40 }, at("2026-11-22T10:00:00Z"))).toEqual({ revenue: 72_000, orders: 720, customers: 7200 });
    expect(nextRateChange(model, at("2026-11-22T10:00:00Z"))?.toISOString()).toBe("2026-11-22T10:20:00.000Z");
  });
});

describe("response cost", () => {
  it("is person-hours in any role × the hourly rate, a person counted once", () => {
    const cost = computeResponseCost({
      from: at("2026-11-22T10:00:00Z"),
      until: at("2026-11-22T12:00:00Z"),
      hourlyRate: 120,
      current: { commander: "B", commsLead: "C", scribe: null, responders: [{ userId: "A", since: at("2026-11-22T10:00:00Z") }] },
      changes: [
        { at: at("2026-11-22T10:15:00Z"), field: "responder", from: null, to: "D" },
        { at: at("2026-11-22T10:30:00Z"), field: "comms_lead", from: null, to: "C" },
        { at: at("2026-11-22T11:00:00Z"), field: "commander", from: "A", to: "B" },
        { at: at("2026-11-22T11:15:00Z"), field: "responder", from: "D", to: null },
      ],
    });
    // A: commander 10–11 and responder 10–12 → 2 h; B 11–12 → 1 h; C 10:30–12 → 1.5 h; D 10:15–11:15 → 1 h.
    expect(cost).toEqual({ personHours: 5.5, amount: 660, people: 4 });
  });

  it("counts everyone who posted or acted, not only role holders (issue #18: '1 person' while two posted)", () => {
    const base = {
      from: at("2026-11-22T10:00:00Z"),
      until: at("2026-11-22T11:00:00Z"),
      hourlyRate: 60,
      current: { commander: "A", commsLead: null, scribe: null, responders: [] },
      changes: [],
    };
    expect(computeResponseCost(base)).toEqual({ personHours: 1, amount: 60, people: 1 });
    const cost = computeResponseCost({
      ...base,
      participants: [
        // A holds a role the whole hour: posting adds nothing.
        { userId: "A", firstAt: at("2026-11-22T10:05:00Z"), lastAt: at("2026-11-22T10:50:00Z") },
        // E posted from 10:20 to 10:30: counted 10:05–10:45 (15 min either side).
        { userId: "E", firstAt: at("2026-11-22T10:20:00Z"), lastAt: at("2026-11-22T10:30:00Z") },
        // F posted once at 10:55: 10:40–11:00, cut at the end.
        { userId: "F", firstAt: at("2026-11-22T10:55:00Z"), lastAt: at("2026-11-22T10:55:00Z") },
      ],
    });
    expect(cost.people).toBe(3);
    expect(cost.personHours).toBeCloseTo(1 + 40 / 60 + 20 / 60, 9);
  });
});

describe("priority", () => {
  const now = at("2026-11-22T10:00:00Z");
  it("ranks checkout 40% at SEV2 above a SEV1 product-page glitch, above tier-1 SEV3 with no impact set", () => {
    const model = flat();
    const a = computePriority(model, { severity: "SEV2", degradations: { checkout: 40 }, serviceTiers: [], at: now });
    const b = computePriority(model, { severity: "SEV1", degradations: { product_page: 10 }, serviceTiers: [], at: now });
    const c = computePriority(model, { severity: "SEV3", degradations: {}, serviceTiers: [1, 2], at: now });
    const d = computePriority(model, { severity: "SEV4", degradations: {}, serviceTiers: [], at: now });
    // 100×0.4 + 30×1 + 25; 100×0.085 + 30×0.85 + 40; 30×0.5 + 10; 0.
    expect([a.score, b.score, c.score, d.score]).toEqual([95, 74, 25, 0]);
    const rows = [
      { id: "d", score: d.score, revenuePerMinute: 0, severity: "SEV4" as const, startedAt: "2026-11-22T09:00:00Z" },
      { id: "b", score: b.score, revenuePerMinute: 85, severity: "SEV1" as const, startedAt: "2026-11-22T09:00:00Z" },
      { id: "c", score: c.score, revenuePerMinute: 0, severity: "SEV3" as const, startedAt: "2026-11-22T09:00:00Z" },
      { id: "a", score: a.score, revenuePerMinute: 400, severity: "SEV2" as const, startedAt: "2026-11-22T09:30:00Z" },
    ];
    expect(rows.sort(compareTriage).map((r) => r.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("breaks ties by money per minute, then severity, then the older incident", () => {
    const base = { score: 50, revenuePerMinute: 100, severity: "SEV2" as const, startedAt: "2026-11-22T09:00:00Z" };
    const rows = [
      { ...base, id: "newer", startedAt: "2026-11-22T09:30:00Z" },
      { ...base, id: "older" },
      { ...base, id: "sev1", severity: "SEV1" as const },
      { ...base, id: "richer", revenuePerMinute: 200 },
    ];
    expect(rows.sort(compareTriage).map((r) => r.id)).toEqual(["richer", "sev1", "older", "newer"]);
  });

  it("suggests a worse severity when impact implies it, never a milder one", () => {
    const model = flat();
    expect(computePriority(model, { severity: "SEV2", degradations: { checkout: 40 }, serviceTiers: [], at: now }).suggestedSeverity).toBe(
      "SEV1",
    );
    expect(computePriority(model, { severity: "SEV4", degradations: { browse: 10 }, serviceTiers: [], at: now }).suggestedSeverity).toBe(
      "SEV2",
    );
    expect(
      computePriority(model, { severity: "SEV1", degradations: { browse: 10 }, serviceTiers: [], at: now }).suggestedSeverity,
    ).toBeNull();
    expect(suggestSeverity("SEV4", 0.03, true)).toBe("SEV3");
    expect(suggestSeverity("SEV3", 0.03, true)).toBeNull();
    expect(suggestSeverity("SEV4", 0, false)).toBeNull();
  });
});

describe("demo peak windows", () => {
  it("put Black Friday – Cyber Monday ×4 on New York days of the current year", () => {
    expect(blackFriday(2026)).toEqual({ year: 2026, month: 10, day: 27 });
    expect(blackFriday(2025)).toEqual({ year: 2025, month: 10, day: 28 });
    const [early, peak] = demoPeakWindows(new Date("2026-11-22T12:00:00Z"));
    expect(early).toMatchObject({ startsAt: new Date("2026-11-20T05:00:00Z"), endsAt: new Date("2026-11-27T05:00:00Z"), multiplier: 1.5 });
    expect(peak).toMatchObject({ startsAt: new Date("2026-11-27T05:00:00Z"), endsAt: new Date("2026-12-01T05:00:00Z"), multiplier: 4 });
    expect(DEMO_HOURLY_PROFILE.reduce((a, b) => a + b, 0) / 24).toBeCloseTo(1, 9);
  });
});

describe("impact summary", () => {
  const incident = {
    id: "i1",
    severity: "SEV3" as const,
    startedAt: at("2026-11-22T10:00:00Z"),
    declaredAt: at("2026-11-22T10:00:00Z"),
    serviceTiers: [],
    staffing: { commander: "A", commsLead: null, scribe: null, responders: [] },
  };
  const changes = [
    {
      ...change("checkout", 50, "2026-11-22T10:00:00Z"),
      recordedAt: at("2026-11-22T10:01:00Z"),
      author: null,
      failedCheckouts: 40,
      errorRate: null,
      supportTickets: null,
      surveyResponses: null,
    },
    {
      ...change("checkout", 20, "2026-11-22T10:10:00Z"),
      recordedAt: at("2026-11-22T10:10:00Z"),
      author: null,
      failedCheckouts: null,
      errorRate: 4,
      supportTickets: null,
      surveyResponses: null,
    },
  ];
  const base = { model: flat(), currency: "EUR", hourlyRate: 60, changes, roleChanges: [] };

  it("gives now, so far, next hour, cost, the step series and a suggested severity while open", () => {
    const s = summarizeImpact({ ...base, incident: { ...incident, resolvedAt: null }, now: at("2026-11-22T10:30:00Z") });
    expect(s.perMinute.revenue).toBe(200);
    expect(s.lossSoFar.revenue).toBe(9000);
    expect(s.projectionNextHour.revenue).toBe(12_000);
    // One commander for 30 minutes at 60/h.
    expect(s.responseCost).toEqual({ amount: 30, personHours: 0.5, people: 1, hourlyRate: 60 });
    expect(s.series.map((p) => [p.at, p.revenue])).toEqual([
      ["2026-11-22T10:00:00.000Z", 500],
      ["2026-11-22T10:10:00.000Z", 200],
      ["2026-11-22T10:30:00.000Z", 200],
    ]);
    expect(s.journeys).toMatchObject([
      { journey: "checkout", degradation: 20, since: "2026-11-22T10:10:00.000Z", evidence: { failedCheckouts: 40, errorRate: 4 } },
    ]);
    // 20% of revenue at risk: SEV2 is implied, worse than the declared SEV3.
    expect(s.priority.suggestedSeverity).toBe("SEV2");
  });

  it("stops at resolution: nothing per minute, loss frozen, no suggestion", () => {
    const s = summarizeImpact({
      ...base,
      incident: { ...incident, resolvedAt: at("2026-11-22T10:20:00Z") },
      now: at("2026-11-22T11:00:00Z"),
    });
    expect(s.perMinute.revenue).toBe(0);
    expect(s.lossSoFar.revenue).toBe(5000 + 2000);
    expect(s.projectionNextHour.revenue).toBe(0);
    expect(s.responseCost.personHours).toBeCloseTo(1 / 3, 9);
    expect(s.priority.suggestedSeverity).toBeNull();
    expect(s.endedAt).toBe("2026-11-22T10:20:00.000Z");
    // Resolution ends the impact in the record: "was 20% degraded until 10:20", not "20% degraded".
    expect(s.journeys).toMatchObject([
      {
        journey: "checkout",
        degradation: 0,
        since: "2026-11-22T10:20:00.000Z",
        ended: { degradation: 20, at: "2026-11-22T10:20:00.000Z" },
      },
    ]);
  });

  it("a journey set back to 0 while open says how bad it was until then", () => {
    const recovered = [
      ...changes,
      {
        ...change("checkout", 0, "2026-11-22T10:25:00Z"),
        recordedAt: at("2026-11-22T10:25:00Z"),
        author: null,
        failedCheckouts: null,
        errorRate: null,
        supportTickets: null,
        surveyResponses: null,
      },
    ];
    const s = summarizeImpact({
      ...base,
      changes: recovered,
      incident: { ...incident, resolvedAt: null },
      now: at("2026-11-22T10:30:00Z"),
    });
    expect(s.journeys).toMatchObject([{ degradation: 0, ended: { degradation: 20, at: "2026-11-22T10:25:00.000Z" } }]);
    const open = summarizeImpact({ ...base, incident: { ...incident, resolvedAt: null }, now: at("2026-11-22T10:30:00Z") });
    expect(open.journeys[0]?.ended).toBeNull();
  });
});
