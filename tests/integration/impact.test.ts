import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client.ts";
import { getIncidentImpact } from "../../lib/impact/get-incident-impact.ts";
import { getTriage } from "../../lib/incidents/get-triage.ts";
import { getImpactSettings, updateImpactSettings } from "../../lib/impact/impact-settings.ts";
import { atRiskPerMinute } from "../../lib/impact/model.ts";
import { setIncidentImpact } from "../../lib/incidents/set-incident-impact.ts";
import { toImpactModel } from "../../lib/impact/settings-dto.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { appErrorOf, fieldsOf } from "../helpers/app-error.ts";
import { startRealtimeServer } from "../helpers/realtime-server.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { connected, nextEvent } from "../helpers/socket-client.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;

const baseline = (revenuePerMinute: number, conversionWeight: number) => ({
  revenuePerMinute,
  ordersPerMinute: revenuePerMinute / 100,
  customersPerMinute: revenuePerMinute / 10,
  conversionWeight,
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Impact Retail");
  // Flat day, no peaks: per-minute figures do not depend on when the test runs.
  await updateImpactSettings(org.admin, {
    currency: "EUR",
    timeZone: "Europe/Berlin",
    hourlyProfile: [],
    responderHourlyRate: 90,
    baselines: {
      checkout: baseline(3000, 1),
      payment: baseline(3000, 1),
      product_page: baseline(2800, 0.85),
      browse: baseline(3000, 0.35),
    },
    peakWindows: [],
  });
});
afterAll(() => testDb.close());

const counts = async (incidentId: string) => ({
  changes: await db().incidentImpactChange.count({ where: { incidentId } }),
  entries: await db().timelineEvent.count({ where: { incidentId, kind: "impact_change" } }),
});

describe("setting an incident's impact", () => {
  it("rejects bad input with a 422 naming the field, and saves nothing", async () => {
    const incident = await seedIncident(org.commander);
    const future = new Date(Date.now() + 10 * 60_000).toISOString();
    const cases: [unknown, string][] = [
      [{ journeys: { checkout: { degradation: 101 } } }, "journeys.checkout.degradation"],
      [{ journeys: { checkout: { degradation: -1 } } }, "journeys.checkout.degradation"],
      [{ journeys: { teleport: { degradation: 10 } } }, "journeys.teleport"],
      [{ journeys: { checkout: { degradation: 10, since: future } } }, "journeys.checkout.since"],
      [{ journeys: { checkout: { degradation: 10, since: "2020-01-01T00:00:00Z" } } }, "journeys.checkout.since"],
      [{ journeys: { checkout: { degradation: 10, errorRate: 140 } } }, "journeys.checkout.errorRate"],
      // One bad journey rejects the whole change: nothing half-saved.
      [{ journeys: { payment: { degradation: 30 }, checkout: { degradation: 300 } } }, "journeys.checkout.degradation"],
    ];
    for (const [body, field] of cases) {
      const error = await appErrorOf(setIncidentImpact(org.commander, incident.id, body));
      expect(error.status, field).toBe(422);
      expect(fieldsOf(error)).toContain(field);
    }
    expect(await counts(incident.id)).toEqual({ changes: 0, entries: 0 });
  });

  it("writes one impact_change timeline entry per change, with who, what and when", async () => {
    const incident = await seedIncident(org.commander);
    const impact = await setIncidentImpact(org.responder, incident.id, {
      journeys: { checkout: { degradation: 40, failedCheckouts: 120 }, payment: { degradation: 25, errorRate: 18.5 } },
      note: "PSP timeouts",
    });
    expect(await counts(incident.id)).toEqual({ changes: 2, entries: 1 });
    const entry = await db().timelineEvent.findFirstOrThrow({ where: { incidentId: incident.id, kind: "impact_change" } });
    expect(entry.authorId).toBe(org.responder.userId);
    expect(entry.body).toBe(
      "Impact: Checkout 40% degraded (was 0%), 120 failed checkouts; Payment 25% degraded (was 0%), error rate 18.5% — PSP timeouts",
    );
    expect(entry.data).toMatchObject({
      field: "impact",
      changes: [
        { journey: "checkout", degradation: 40, previous: 0 },
        { journey: "payment", degradation: 25 },
      ],
    });
    const rows = await db().incidentImpactChange.findMany({ where: { incidentId: incident.id } });
    expect(rows.every((r) => r.eventSeq === entry.seq && r.authorId === org.responder.userId)).toBe(true);

    // Checkout and payment at 3,000/min each: min(3000×0.4 + 3000×0.25, 3000).
    expect(impact.perMinute.revenue).toBeCloseTo(1950, 6);
    expect(impact.journeys.find((j) => j.journey === "checkout")).toMatchObject({ degradation: 40, evidence: { failedCheckouts: 120 } });

    await setIncidentImpact(org.commander, incident.id, { journeys: { checkout: { degradation: 10 } } });
    // Same degradation, nothing new: no entry.
    await setIncidentImpact(org.commander, incident.id, { journeys: { checkout: { degradation: 10 } } });
    expect(await counts(incident.id)).toEqual({ changes: 3, entries: 2 });
    const last = await db().timelineEvent.findFirstOrThrow({
      where: { incidentId: incident.id, kind: "impact_change" },
      orderBy: { seq: "desc" },
    });
    expect(last.body).toBe("Impact: Checkout 10% degraded (was 40%)");
  });

  it("integrates a back-dated change into the loss so far", async () => {
    const incident = await seedIncident(org.commander);
    const started = new Date(Date.now() - 30 * 60_000);
    await updateIncident(org.commander, incident.id, { startedAt: started.toISOString() });
    const since = new Date(started.getTime() + 10 * 60_000);
    const impact = await setIncidentImpact(org.commander, incident.id, {
      journeys: { checkout: { degradation: 50, since: since.toISOString() } },
    });
    const minutes = (Date.parse(impact.asOf) - since.getTime()) / 60_000;
    expect(impact.lossSoFar.revenue).toBeCloseTo(3000 * 0.5 * minutes, 3);
    expect(impact.projectionNextHour.revenue).toBeCloseTo(3000 * 0.5 * 60, 3);
    expect(impact.journeys[0]?.since).toBe(since.toISOString());
  });

  it("is refused to viewers and hidden from other organisations", async () => {
    const incident = await seedIncident(org.commander);
    expect((await appErrorOf(setIncidentImpact(org.viewer, incident.id, { journeys: { checkout: { degradation: 10 } } }))).status).toBe(
      403,
    );
    expect((await getIncidentImpact(org.viewer, incident.id)).perMinute.revenue).toBe(0);
    const other = await seedOrganization("Globex");
    expect((await appErrorOf(getIncidentImpact(other.admin, incident.id))).status).toBe(404);
    expect((await appErrorOf(setIncidentImpact(other.admin, incident.id, { journeys: { checkout: { degradation: 10 } } }))).status).toBe(
      404,
    );
    expect(await counts(incident.id)).toEqual({ changes: 0, entries: 0 });
  });

  it("pushes impact:updated to the organisation", async () => {
    const realtime = await startRealtimeServer();
    const client = realtime.client(await sessionCookie(org.viewer.userId));
    try {
      await connected(client);
      const incident = await seedIncident(org.commander);
      const pushed = nextEvent(client, "impact:updated", (p) => p.incidentId === incident.id);
      await setIncidentImpact(org.commander, incident.id, { journeys: { browse: { degradation: 20 } } });
      expect((await pushed).impact.perMinute.revenue).toBeCloseTo(3000 * 0.2 * 0.35, 6);
    } finally {
      await realtime.close();
    }
  });
});

describe("impact settings", () => {
  it("are read by everyone and changed only by an admin", async () => {
    expect((await getImpactSettings(org.viewer)).currency).toBe("EUR");
    expect((await appErrorOf(updateImpactSettings(org.commander, { currency: "USD" }))).status).toBe(403);
    expect((await getImpactSettings(org.viewer)).currency).toBe("EUR");
  });

  it("reject bad values naming the field, all or nothing", async () => {
    const bad: [unknown, string][] = [
      [{ currency: "USD", baselines: { checkout: { ...baseline(3000, 1), revenuePerMinute: -5 } } }, "baselines.checkout.revenuePerMinute"],
      [{ baselines: { checkout: baseline(3000, 1.5) } }, "baselines.checkout.conversionWeight"],
      [{ baselines: { teleport: baseline(1, 1) } }, "baselines.teleport"],
      [{ currency: "EURO" }, "currency"],
      [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
      [{ hourlyProfile: [1, 2, 3] }, "hourlyProfile"],
      [{ hourlyProfile: Array.from({ length: 24 }, (_, h) => (h === 3 ? -1 : 1)) }, "hourlyProfile.3"],
      [{ responderHourlyRate: -1 }, "responderHourlyRate"],
      [
        { peakWindows: [{ name: "BF", startsAt: "2026-11-28T00:00:00Z", endsAt: "2026-11-27T00:00:00Z", multiplier: 4 }] },
        "peakWindows.0.endsAt",
      ],
      [
        { peakWindows: [{ name: "BF", startsAt: "2026-11-27T00:00:00Z", endsAt: "2026-11-28T00:00:00Z", multiplier: 0 }] },
        "peakWindows.0.multiplier",
      ],
    ];
    for (const [body, field] of bad) {
      const error = await appErrorOf(updateImpactSettings(org.admin, body));
      expect(error.status, field).toBe(422);
      expect(fieldsOf(error)).toContain(field);
    }
    const after = await getImpactSettings(org.admin);
    expect(after.currency).toBe("EUR");
    expect(after.baselines.checkout.revenuePerMinute).toBe(3000);
  });

  it("store a full update and give the model the pure functions use", async () => {
    const other = await seedOrganization("Settings Retail");
    const profile = Array.from({ length: 24 }, (_, h) => (h >= 18 ? 1.5 : 0.8));
    const saved = await updateImpactSettings(other.admin, {
      currency: "gbp",
      timeZone: "Europe/London",
      hourlyProfile: profile,
      responderHourlyRate: 75,
      baselines: { checkout: baseline(2000, 1) },
      peakWindows: [{ name: "Black Friday", startsAt: "2026-11-27T00:00:00Z", endsAt: "2026-12-01T00:00:00Z", multiplier: 4 }],
    });
    expect(saved).toMatchObject({ currency: "GBP", timeZone: "Europe/London", hourlyProfile: profile, responderHourlyRate: 75 });
    expect(saved.baselines.browse.revenuePerMinute).toBe(0);
    const model = toImpactModel(saved);
    // 28 Nov 19:00 London: ×1.5 evening, ×4 Black Friday weekend.
    expect(atRiskPerMinute(model, { checkout: 50 }, new Date("2026-11-28T19:00:00Z")).revenue).toBe(6000);
    const audit = await db().auditLog.findFirst({ where: { organizationId: other.id, action: "org.impact_settings" } });
    expect(audit?.actorId).toBe(other.admin.userId);
  });
});

describe("the triage board", () => {
  it("ranks active incidents by priority: checkout money over a louder product-page glitch", async () => {
    const board = await seedOrganization("Triage Retail");
    await updateImpactSettings(board.admin, {
      baselines: { checkout: baseline(3000, 1), product_page: baseline(3000, 0.85) },
      hourlyProfile: [],
      peakWindows: [],
    });
    const checkout = await seedIncident(board.commander, { title: "Checkout degraded", severity: "SEV2" });
    const glitch = await seedIncident(board.commander, { title: "Product images broken", severity: "SEV1" });
    const quiet = await seedIncident(board.commander, { title: "Feed delayed", severity: "SEV4" });
    const resolved = await seedIncident(board.commander, { title: "Old one", severity: "SEV1" });
    await setIncidentImpact(board.commander, checkout.id, { journeys: { checkout: { degradation: 40 } } });
    await setIncidentImpact(board.commander, glitch.id, { journeys: { product_page: { degradation: 10 } } });
    await updateIncident(board.commander, resolved.id, { status: "resolved" });

    const triage = await getTriage(board.viewer);
    expect(triage.incidents.map((r) => r.incident.id)).toEqual([checkout.id, glitch.id, quiet.id]);
    const [first, second] = triage.incidents;
    expect(first?.impact.priority).toMatchObject({ score: 95, suggestedSeverity: "SEV1" });
    expect(first?.impact.perMinute.revenue).toBeCloseTo(1200, 6);
    expect(second?.impact.priority.score).toBe(74);
    expect(first?.incident.commander?.id).toBe(board.commander.userId);
  });

  it("lists the teams in the blast radius nobody has told yet", async () => {
    const board = await seedOrganization("Teams Retail");
    const team = await db().team.create({ data: { organizationId: board.id, name: "Payments" } });
    const psp = await db().service.create({ data: { organizationId: board.id, name: "PSP adapter", teamId: team.id, tier: 1 } });
    const incident = await seedIncident(board.commander, { severity: "SEV3" });
    await setImpactedServices(board.commander, incident.id, { serviceIds: [psp.id] });
    const [row] = (await getTriage(board.commander)).incidents;
    expect(row?.teamsNotNotified).toEqual([{ id: team.id, name: "Payments" }]);
    expect(row?.teamsTotal).toBe(1);
    // A tier-1 service with no journey impact set yet still counts: 30 × 0.5 + SEV3's 10.
    expect(row?.impact.priority.score).toBe(25);
  });
});
