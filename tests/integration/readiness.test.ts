import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateService } from "../../lib/catalog/services.ts";
import { updateImpactSettings } from "../../lib/impact/impact-settings.ts";
import { createIntegration } from "../../lib/integrations/manage.ts";
import { getReadiness } from "../../lib/readiness/get-readiness.ts";
import { seedCatalog, seedOrganization, type SeededCatalog, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
let catalog: SeededCatalog;
const now = new Date("2026-12-03T09:00:00Z");

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Readiness Retail");
  catalog = await seedCatalog(org.admin);
  await updateImpactSettings(org.admin, {
    timeZone: "UTC",
    baselines: { checkout: { revenuePerMinute: 2000, ordersPerMinute: 20, customersPerMinute: 100, conversionWeight: 1 } },
  });
  // Another organisation's catalog never shows.
  const other = await seedOrganization("Other Retail");
  await seedCatalog(other.admin);
});
afterAll(() => testDb.close());

describe("readiness board", () => {
  it("lists the organisation's services riskiest first, with every gap named", async () => {
    const board = await getReadiness(org.viewer, now);
    expect(board.peak).toMatchObject({ name: "Black Friday – Cyber Monday 2027", isCovered: false, startsAt: "2027-11-26T00:00:00.000Z" });
    expect(board.services.map((s) => s.name)).toEqual([catalog.gateway.name, catalog.checkout.name]);
    const gateway = board.services[0];
    // The gateway has no journey of its own with a baseline, but checkout calls it: 2,000 $/min.
    expect(gateway?.atStakePerMinute).toBe(2000);
    expect(gateway?.gaps).toEqual([
      `${catalog.team.name} has no on-call contact`,
      "No runbook",
      "No health check",
      "No alert source mapped to it",
      "No baseline for payment",
      "No peak window covers Black Friday – Cyber Monday 2027",
    ]);
    expect(board.teams.map((t) => t.name)).toEqual([catalog.team.name]);
  });

  it("turns green as people fix what it names", async () => {
    await updateService(org.commander, catalog.gateway.id, { runbookUrl: "https://wiki.example/psp", healthCheckUrl: "https://psp.example/health" });
    await createIntegration(org.admin, { kind: "generic", name: "Monitoring", defaultServiceId: catalog.gateway.id });
    await updateImpactSettings(org.admin, {
      peakWindows: [{ name: "BFCM 2027", startsAt: "2027-11-25T00:00:00Z", endsAt: "2027-12-01T00:00:00Z", multiplier: 4 }],
    });
    const gateway = (await getReadiness(org.viewer, now)).services.find((s) => s.id === catalog.gateway.id);
    expect(gateway?.checks).toEqual({ onCall: "gap", runbook: "ok", healthCheck: "ok", alertSource: "ok", baselines: "gap", peakWindow: "ok" });
    // At the peak: 2,000 × 4.
    expect(gateway?.atStakePerMinute).toBe(8000);
  });
});
