import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { getIncidentImpact } from "../../lib/impact/get-incident-impact.ts";
import { getImpactSettings } from "../../lib/impact/impact-settings.ts";
import { seedDemo } from "../../lib/seed/seed-demo.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(testDb.database.prisma);
});
afterAll(() => testDb.close());

describe("the demo retailer's impact", () => {
  it("has baselines for every journey and money at stake on INC-1 from the first start", async () => {
    const p = testDb.database.prisma;
    const viewer = await resolveActor((await p.user.findUniqueOrThrow({ where: { email: "viewer@warroom.local" } })).id);
    const settings = await getImpactSettings(viewer);
    expect(settings).toMatchObject({ currency: "USD", timeZone: "America/New_York" });
    expect(settings.hourlyProfile).toHaveLength(24);
    expect(settings.baselines.checkout.revenuePerMinute).toBeGreaterThanOrEqual(2000);
    expect(settings.peakWindows.map((w) => w.multiplier)).toContain(4);

    const incident = await p.incident.findFirstOrThrow({ where: { number: 1 } });
    const impact = await getIncidentImpact(viewer, incident.id);
    expect(impact.perMinute.revenue).toBeGreaterThan(0);
    expect(impact.lossSoFar.revenue).toBeGreaterThan(impact.perMinute.revenue);
    expect(impact.journeys.map((j) => [j.journey, j.degradation])).toEqual(
      expect.arrayContaining([
        ["checkout", 35],
        ["payment", 25],
      ]),
    );
    expect(impact.responseCost.personHours).toBeGreaterThan(0);
    const all = await p.timelineEvent.findMany({ where: { incidentId: incident.id, kind: "impact_change" }, orderBy: { seq: "asc" } });
    // One entry marks the payment gateway impacted; the other two are the journey changes.
    const entries = all.filter((e) => (e.data as { field?: string } | null)?.field === "impact");
    expect(all).toHaveLength(3);
    expect(entries).toHaveLength(2);
    const changes = await p.incidentImpactChange.findMany({ where: { incidentId: incident.id } });
    expect(new Set(changes.map((c) => c.eventSeq))).toEqual(new Set(entries.map((e) => e.seq)));
  });
});
