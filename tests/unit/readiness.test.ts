import { describe, expect, it } from "vitest";
import type { ImpactModel } from "../../lib/impact/model.ts";
import { assessServices, assessTeams, peakCoverage, type ReadinessService } from "../../lib/readiness/readiness-checks.ts";
import { comingPeak } from "../../lib/time/peak-calendar.ts";

const NY = "America/New_York";
const peak2027 = comingPeak(new Date("2026-12-03T08:00:00Z"), "UTC");

function model(peakWindows: ImpactModel["peakWindows"] = []): ImpactModel {
  return {
    timeZone: "UTC",
    hourlyProfile: [],
    baselines: {
      checkout: { revenuePerMinute: 1000, ordersPerMinute: 10, customersPerMinute: 50, conversionWeight: 1 },
      browse: { revenuePerMinute: 500, ordersPerMinute: 5, customersPerMinute: 400, conversionWeight: 0.5 },
    },
    peakWindows,
  };
}

const payments = { id: "t-pay", name: "Payments", onCall: ["pager:payments"] };
const storefront = { id: "t-web", name: "Storefront", onCall: [] as string[] };

function service(over: Partial<ReadinessService> & Pick<ReadinessService, "id" | "name">): ReadinessService {
  return {
    tier: 1,
    team: payments,
    journeys: [],
    runbookUrl: "https://wiki/rb",
    healthCheckUrl: "https://svc/health",
    hasAlertSource: true,
    ...over,
  };
}

describe("the coming peak", () => {
  it("is next year's Black Friday – Cyber Monday once this year's has ended, in the organisation's days", () => {
    expect(peak2027.name).toBe("Black Friday – Cyber Monday 2027");
    expect(peak2027.startsAt.toISOString()).toBe("2027-11-26T00:00:00.000Z");
    expect(peak2027.endsAt.toISOString()).toBe("2027-11-30T00:00:00.000Z");
    // 23:59 on Cyber Monday in New York is still this year's peak; a minute later it is next year's.
    expect(comingPeak(new Date("2026-12-01T04:59:00Z"), NY).name).toBe("Black Friday – Cyber Monday 2026");
    expect(comingPeak(new Date("2026-12-01T05:00:00Z"), NY).name).toBe("Black Friday – Cyber Monday 2027");
    expect(comingPeak(new Date("2026-11-28T12:00:00Z"), NY).startsAt.toISOString()).toBe("2026-11-27T05:00:00.000Z");
  });

  it("is covered only when windows span all of it, back to back counts", () => {
    const w = (name: string, from: string, to: string) => ({ name, startsAt: new Date(from), endsAt: new Date(to), multiplier: 4 });
    expect(peakCoverage(model(), peak2027)).toMatchObject({ isCovered: false, overlapping: [] });
    expect(peakCoverage(model([w("BF", "2027-11-26T00:00:00Z", "2027-11-28T00:00:00Z")]), peak2027)).toMatchObject({
      isCovered: false,
      overlapping: ["BF"],
    });
    const split = [
      w("Cyber Monday", "2027-11-28T00:00:00Z", "2027-11-30T00:00:00Z"),
      w("BF", "2027-11-25T00:00:00Z", "2027-11-28T00:00:00Z"),
    ];
    expect(peakCoverage(model(split), peak2027).isCovered).toBe(true);
    // This year's window says nothing about next year's peak.
    expect(peakCoverage(model([w("2026", "2026-11-27T00:00:00Z", "2026-12-01T00:00:00Z")]), peak2027).isCovered).toBe(false);
  });
});

describe("service readiness", () => {
  const gateway = service({ id: "s-gw", name: "Payment gateway adapter", journeys: ["payment"], runbookUrl: null, hasAlertSource: false });
  const web = service({ id: "s-web", name: "Checkout web", team: storefront, journeys: ["checkout"], healthCheckUrl: null });
  const batch = service({ id: "s-erp", name: "ERP export", team: storefront, journeys: [] });
  // Checkout web calls the gateway synchronously and hands orders to the ERP export through a queue.
  const deps = [
    { fromId: "s-web", toId: "s-gw", isAsync: false, isCritical: true },
    { fromId: "s-web", toId: "s-erp", isAsync: true, isCritical: true },
  ];
  const covered = peakCoverage(
    model([{ name: "BF–CM", startsAt: new Date("2027-11-26T00:00:00Z"), endsAt: new Date("2027-11-30T00:00:00Z"), multiplier: 4 }]),
    peak2027,
  );

  it("puts at stake what its consumers' journeys carry at the peak, riskiest first", () => {
    const m = model([
      { name: "BF–CM", startsAt: new Date("2027-11-26T00:00:00Z"), endsAt: new Date("2027-11-30T00:00:00Z"), multiplier: 4 },
    ]);
    const rows = assessServices([batch, web, gateway], deps, m, covered);
    // The gateway takes checkout down with it: 1,000 $/min × 4 (peak) × weight 1 = 4,000; payment has no baseline.
    expect(rows.map((r) => [r.name, r.atStakePerMinute])).toEqual([
      ["Payment gateway adapter", 4000],
      ["Checkout web", 4000],
      ["ERP export", 0],
    ]);
    expect(rows[0]?.journeysAtStake).toEqual(["payment", "checkout"]);
    // A queue between them: the ERP export failing does not take checkout down by the minute.
    expect(rows[2]?.journeysAtStake).toEqual([]);
  });

  it("names every gap, and a service on no journey has no baselines or peak to miss", () => {
    const rows = assessServices([batch, web, gateway], deps, model(), peakCoverage(model(), peak2027));
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName["Payment gateway adapter"]?.gaps).toEqual([
      "No runbook",
      "No alert source mapped to it",
      "No baseline for payment",
      "No peak window covers Black Friday – Cyber Monday 2027",
    ]);
    expect(byName["Checkout web"]?.checks).toEqual({
      onCall: "gap",
      runbook: "ok",
      healthCheck: "gap",
      alertSource: "ok",
      baselines: "ok",
      peakWindow: "gap",
    });
    expect(byName["ERP export"]?.checks.baselines).toBe("na");
    expect(byName["ERP export"]?.checks.peakWindow).toBe("na");
    expect(byName["ERP export"]?.gaps).toEqual(["Storefront has no on-call contact"]);
    // Without a peak window the money is at normal traffic: 1,000 $/min.
    expect(byName["Checkout web"]?.atStakePerMinute).toBe(1000);
  });

  it("ranks teams by the most any of their services puts at stake", () => {
    const rows = assessServices([batch, web, gateway], deps, model(), peakCoverage(model(), peak2027));
    const teams = assessTeams(
      [
        { ...storefront, escalationContact: "", chatChannel: null },
        { ...payments, escalationContact: "Head of Payments", chatChannel: "#payments" },
      ],
      rows,
    );
    expect(teams.map((t) => [t.name, t.atStakePerMinute, t.gaps.length, t.services])).toEqual([
      ["Storefront", 1000, 3, 2],
      ["Payments", 1000, 0, 1],
    ]);
  });
});
