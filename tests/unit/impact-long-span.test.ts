// Issue #16, finding 1: loss over a long (or back-dated) incident must cost time in proportion to
// the impact changes and zone offset changes, not to its length (it froze the whole process).
import { afterEach, describe, expect, it, vi } from "vitest";
import { degradationHistory, degradationsAt, lossBetween, type ImpactChangeSpec } from "../../lib/impact/loss.ts";
import { atRiskPerMinute, type ImpactModel } from "../../lib/impact/model.ts";
import { summarizeImpact } from "../../lib/impact/summarize-impact.ts";

const at = (iso: string) => new Date(iso);
const model: ImpactModel = {
  timeZone: "Europe/Berlin",
  hourlyProfile: Array.from({ length: 24 }, (_, h) => 0.3 + (h % 7) / 5),
  baselines: {
    checkout: { revenuePerMinute: 1000, ordersPerMinute: 10, customersPerMinute: 100, conversionWeight: 1 },
    browse: { revenuePerMinute: 800, ordersPerMinute: 8, customersPerMinute: 400, conversionWeight: 0.5 },
  },
  peakWindows: [{ startsAt: at("2026-03-29T00:30:00Z"), endsAt: at("2026-03-29T03:10:00Z"), multiplier: 2.5 }],
};

/** Zone look-ups made by `run` (every hour-of-day or offset question asks Intl). */
function zoneLookups(run: () => void): number {
  const proto = Intl.DateTimeFormat.prototype;
  // `format` is a getter returning a bound function: each call reads it once.
  const descriptor = Object.getOwnPropertyDescriptor(proto, "format");
  const getter = descriptor?.get;
  let formats = 0;
  if (getter)
    Object.defineProperty(proto, "format", {
      ...descriptor,
      get() {
        formats++;
        return getter.call(this);
      },
    });
  const parts = vi.spyOn(proto, "formatToParts");
  try {
    run();
  } finally {
    if (descriptor) Object.defineProperty(proto, "format", descriptor);
  }
  return formats + parts.mock.calls.length;
}

afterEach(() => vi.restoreAllMocks());

describe("loss over long spans", () => {
  it("equals the minute-by-minute definition across a daylight-saving change, a peak and impact changes", () => {
    const changes: ImpactChangeSpec[] = [
      { journey: "checkout", degradation: 40, effectiveAt: at("2026-03-27T22:13:00Z") },
      { journey: "browse", degradation: 70, effectiveAt: at("2026-03-28T09:02:00Z") },
      { journey: "checkout", degradation: 90, effectiveAt: at("2026-03-29T01:47:00Z") },
    ];
    const from = at("2026-03-27T20:05:00Z");
    const to = at("2026-03-30T04:31:00Z");
    const history = degradationHistory(changes);
    let reference = 0;
    for (let t = from.getTime(); t < to.getTime(); t += 60_000)
      reference += atRiskPerMinute(model, degradationsAt(history, new Date(t)), new Date(t)).revenue;
    expect(lossBetween(model, changes, from, to).revenue).toBeCloseTo(reference, 4);
  });

  it("prices 26 years with a handful of zone look-ups instead of one per quarter hour", () => {
    const changes: ImpactChangeSpec[] = [{ journey: "checkout", degradation: 50, effectiveAt: at("2000-01-01T00:00:00Z") }];
    let revenue = 0;
    const lookups = zoneLookups(() => {
      revenue = lossBetween(model, changes, at("2000-01-01T00:00:00Z"), at("2026-11-22T10:00:00Z")).revenue;
    });
    // One probe a week plus a binary search per daylight-saving change: ~1,400 + 52 × 15.
    expect(lookups).toBeLessThan(5_000);
    // 26.9 years × 525,600 min × 50% × 1000 × the profile's mean.
    const mean = model.hourlyProfile.reduce((s, p) => s + p, 0) / 24;
    expect(revenue / (14_148_000 * 500 * mean)).toBeCloseTo(1, 2);
  });

  it("summarises a back-dated incident (room and triage) without walking every hour", () => {
    const lookups = zoneLookups(() =>
      summarizeImpact({
        model,
        currency: "EUR",
        hourlyRate: 100,
        incident: {
          id: "i",
          severity: "SEV2",
          startedAt: at("2000-01-01T00:00:00Z"),
          declaredAt: at("2026-11-22T09:00:00Z"),
          resolvedAt: null,
          serviceTiers: [1],
          staffing: { commander: null, commsLead: null, scribe: null, responders: [] },
        },
        changes: [
          {
            journey: "checkout",
            degradation: 50,
            effectiveAt: at("2000-01-01T00:00:00Z"),
            recordedAt: at("2026-11-22T09:00:00Z"),
            author: null,
            failedCheckouts: null,
            errorRate: null,
            supportTickets: null,
            surveyResponses: null,
          },
        ],
        roleChanges: [],
        now: at("2026-11-22T10:00:00Z"),
      }),
    );
    expect(lookups).toBeLessThan(10_000);
  });
});
