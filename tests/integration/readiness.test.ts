import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateService } from "../../lib/catalog/update-service.ts";
import { updateImpactSettings } from "../../lib/impact/impact-settings.ts";
import { createIntegration } from "../../lib/integrations/create-integration.ts";
import { getReadiness } from "../../lib/readiness/get-readiness.ts";
import { db } from "../../lib/db/client.ts";
import { endDrill } from "../../lib/drills/end-drill.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { seedPracticeDrill } from "../helpers/seed-practice-drill.ts";
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
      "Never drilled",
    ]);
    expect(board.teams.map((t) => t.name)).toEqual([catalog.team.name]);
  });

  it("turns green as people fix what it names", async () => {
    await updateService(org.commander, catalog.gateway.id, {
      runbookUrl: "https://wiki.example/psp",
      healthCheckUrl: "https://psp.example/health",
    });
    await createIntegration(org.admin, { kind: "generic", name: "Monitoring", defaultServiceId: catalog.gateway.id });
    await updateImpactSettings(org.admin, {
      peakWindows: [{ name: "BFCM 2027", startsAt: "2027-11-25T00:00:00Z", endsAt: "2027-12-01T00:00:00Z", multiplier: 4 }],
    });
    const gateway = (await getReadiness(org.viewer, now)).services.find((s) => s.id === catalog.gateway.id);
    expect(gateway?.checks).toEqual({
      onCall: "gap",
      runbook: "ok",
      healthCheck: "ok",
      alertSource: "ok",
      baselines: "gap",
      peakWindow: "ok",
    });
    // At the peak: 2,000 × 4.
    expect(gateway?.atStakePerMinute).toBe(8000);
  });

  it("shows the last finished drill that involved each service and team, red when none in 90 days", async () => {
    const drill = await seedPracticeDrill(org.commander, { failingServiceId: catalog.gateway.id });
    await postEvent(org.commander, drill.incident.id, {
      kind: "notification",
      body: "Told payments",
      data: { target: catalog.team.name, channel: "chat" },
    });
    // A cancelled drill never counts, nor does one still running.
    const cancelled = await seedPracticeDrill(org.commander, { failingServiceId: catalog.checkout.id });
    await db().drill.update({ where: { id: cancelled.id }, data: { status: "cancelled", endedAt: new Date() } });
    await seedPracticeDrill(org.commander, { failingServiceId: catalog.checkout.id });
    await endDrill(org.commander, drill.id);
    const ended = (await db().drill.findUniqueOrThrow({ where: { id: drill.id } })).endedAt?.toISOString();

    const board = await getReadiness(org.viewer, now);
    const gateway = board.services.find((s) => s.id === catalog.gateway.id);
    const checkout = board.services.find((s) => s.id === catalog.checkout.id);
    expect(board.drillFreshDays).toBe(90);
    expect(gateway?.lastDrill).toEqual({ verdict: "ok", drillId: drill.id, at: ended });
    expect(gateway?.gaps).not.toContain("Never drilled");
    expect(checkout?.lastDrill).toEqual({ verdict: "gap", drillId: null, at: null });
    expect(checkout?.gaps).toContain("Never drilled");
    expect(board.teams[0]?.lastDrill).toMatchObject({ verdict: "ok", drillId: drill.id });

    // 5 August is 120 days before 3 December: stale, and the gap says when it was.
    await db().drill.update({ where: { id: drill.id }, data: { endedAt: new Date("2026-08-05T12:00:00Z") } });
    const stale = (await getReadiness(org.viewer, now)).services.find((s) => s.id === catalog.gateway.id);
    expect(stale?.lastDrill).toEqual({ verdict: "gap", drillId: drill.id, at: "2026-08-05T12:00:00.000Z" });
    expect(stale?.gaps).toContain("Last drill 5 Aug 2026, more than 90 days ago");
    // Another organisation's board never sees it.
    const foreign = await seedOrganization("Foreign Retail");
    expect((await getReadiness(foreign.viewer, now)).services).toEqual([]);
  });
});
