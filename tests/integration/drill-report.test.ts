import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createService } from "../../lib/catalog/create-service.ts";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { addDependency } from "../../lib/catalog/add-dependency.ts";
import { db } from "../../lib/db/client.ts";
import { endDrill } from "../../lib/drills/end-drill.ts";
import { getDrillReport } from "../../lib/drill-reports/get-drill-report.ts";
import type { DrillReport } from "../../lib/drill-reports/report-types.ts";
import { updateImpactSettings } from "../../lib/impact/impact-settings.ts";
import { setIncidentImpact } from "../../lib/incidents/set-incident-impact.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { postStakeholderUpdate } from "../../lib/stakeholder/post-stakeholder-update.ts";
import { amendEvent } from "../../lib/timeline/amend-event.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { appErrorOf } from "../helpers/app-error.ts";
import { seedPracticeDrill } from "../helpers/seed-practice-drill.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
let other: SeededOrganization;
let gateway: { id: string; name: string };
let teams: { payments: string; checkout: string; fulfillment: string };
const MIN = 60_000;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Drill Retail");
  other = await seedOrganization("Other Retail");
  const a = org.admin;
  const payments = await createTeam(a, { name: "Payments" });
  const checkout = await createTeam(a, { name: "Checkout" });
  const fulfillment = await createTeam(a, { name: "Fulfillment" });
  teams = { payments: payments.id, checkout: checkout.id, fulfillment: fulfillment.id };
  // Checkout API calls the gateway; the OMS consumes checkout's orders: both are in the gateway's blast radius.
  const psp = await createService(a, {
    name: "Payment gateway adapter",
    teamId: payments.id,
    kind: "payment",
    tier: 1,
    journeys: ["payment"],
    aliases: ["psp"],
  });
  const api = await createService(a, { name: "Checkout API", teamId: checkout.id, kind: "api", tier: 1, journeys: ["checkout"] });
  const oms = await createService(a, { name: "OMS", teamId: fulfillment.id, kind: "oms", tier: 2, journeys: ["fulfillment"] });
  await addDependency(a, api.id, { toId: psp.id });
  await addDependency(a, oms.id, { toId: api.id, isAsync: true });
  gateway = { id: psp.id, name: psp.name };
  await updateImpactSettings(a, {
    timeZone: "UTC",
    baselines: { payment: { revenuePerMinute: 1000, ordersPerMinute: 10, customersPerMinute: 50, conversionWeight: 1 } },
  });
});
afterAll(() => testDb.close());

/** A running drill whose practice incident (and the drill itself) started `minutesAgo` minutes ago. */
async function drillStarted(minutesAgo: number, speed: 1 | 2 | 5 = 5, scenarioKey = "payment-gateway-timeouts") {
  const drill = await seedPracticeDrill(org.commander, { failingServiceId: gateway.id, speed, scenarioKey });
  const start = new Date(Date.now() - minutesAgo * MIN);
  start.setMilliseconds(0);
  await db().drill.update({ where: { id: drill.id }, data: { startedAt: start } });
  // The player's alert opens the room; nobody has acknowledged it yet.
  await db().incident.update({ where: { id: drill.incident.id }, data: { startedAt: start, acknowledgedAt: null } });
  const after = (minutes: number) => new Date(start.getTime() + minutes * MIN).toISOString();
  return { ...drill, start, after };
}

const metric = (report: DrillReport | null, key: string) => report?.metrics.find((m) => m.key === key);

describe("endDrill", () => {
  it("resolves the practice incident, stores the scored report and answers it", async () => {
    const d = await drillStarted(30);
    const c = org.commander;
    await postEvent(c, d.incident.id, { kind: "note", body: "On it", occurredAt: d.after(1) });
    await postEvent(c, d.incident.id, {
      kind: "notification",
      body: "Payments paged",
      data: { target: "Payments", teamId: teams.payments, channel: "pager" },
      occurredAt: d.after(2),
    });
    await postEvent(org.responder, d.incident.id, {
      kind: "notification",
      body: "Told checkout",
      data: { target: "checkout", channel: "chat" },
      occurredAt: d.after(4),
    });
    await postEvent(org.responder, d.incident.id, { kind: "hypothesis", body: "Search indexer is stuck", occurredAt: d.after(3) });
    const { event: guess } = await postEvent(org.responder, d.incident.id, {
      kind: "hypothesis",
      body: "PSP timeouts: the payment gateway adapter's pool is exhausted",
      occurredAt: d.after(5),
    });
    await amendEvent(c, d.incident.id, guess.seq, { data: { state: "confirmed" } });
    await setIncidentImpact(c, d.incident.id, { journeys: { payment: { degradation: 50, since: d.after(0) } } });
    await updateIncident(c, d.incident.id, { severity: "SEV1" });
    await postStakeholderUpdate(c, d.incident.id, { affected: "Card payments fail for half of shoppers", doing: "Failing over the PSP" });

    const answer = await endDrill(org.commander, d.id);
    expect(answer.drill.status).toBe("finished");
    const incident = await db().incident.findUniqueOrThrow({ where: { id: d.incident.id }, select: { status: true, resolvedAt: true } });
    expect(incident.status).toBe("resolved");
    const stored = await db().drill.findUniqueOrThrow({ where: { id: d.id }, select: { report: true, endedAt: true, status: true } });
    expect(stored.endedAt?.toISOString()).toBe(incident.resolvedAt?.toISOString());
    const report = stored.report as unknown as DrillReport;
    expect(answer.report).toEqual(report);

    // Back-dated entries: exact wall times, ×5 for the scenario.
    expect(metric(report, "acknowledge")).toMatchObject({ wallMs: 1 * MIN, drillMs: 5 * MIN });
    expect(metric(report, "identify")).toMatchObject({
      wallMs: 5 * MIN,
      drillMs: 25 * MIN,
      detail: `hypothesis #${guess.seq} by ${org.responder.name}`,
    });
    expect(report.teams.map((t) => [t.name, t.wallMs])).toEqual([
      ["Payments", 2 * MIN],
      ["Checkout", 4 * MIN],
      ["Fulfillment", null],
    ]);
    expect(metric(report, "notifyAll")).toMatchObject({ drillMs: null, detail: "never told: Fulfillment" });
    expect(report.lessons.neverTold).toEqual(["Fulfillment was never told (depends on the failing service, 2 hops away)."]);
    expect(report.lessons.actions.some((a) => a.key === `tell:${teams.fulfillment}` && a.ownerTeamId === teams.fulfillment)).toBe(true);
    // Written now, about 30 minutes in.
    for (const key of ["severity", "impact", "confirm", "firstUpdate"])
      expect(metric(report, key)?.wallMs).toBeGreaterThanOrEqual(30 * MIN);
    // 50% of payment (1,000/min, weight 1) from the start to the end: about 30 min × 500.
    expect(report.loss.wall.revenue).toBeGreaterThanOrEqual(30 * 500);
    expect(report.loss.drill.revenue).toBeCloseTo(report.loss.wall.revenue * 5, 6);
    expect(report.drillDurationMs).toBe(report.wallDurationMs * 5);

    const audits = await db().auditLog.findMany({ where: { entityId: d.id, action: "drill.end" } });
    expect(audits).toHaveLength(1);
  });

  it("is idempotent, refuses a cancelled drill, responders and viewers, and another organisation", async () => {
    const d = await drillStarted(10);
    const first = await endDrill(org.admin, d.id);
    const again = await endDrill(org.commander, d.id);
    expect(again.drill.endedAt).toBe(first.drill.endedAt);
    expect(again.report).toEqual(first.report);
    expect(await db().auditLog.count({ where: { entityId: d.id, action: "drill.end" } })).toBe(1);

    const running = await drillStarted(10);
    expect((await appErrorOf(endDrill(org.responder, running.id)))?.code).toBe("forbidden");
    expect((await appErrorOf(endDrill(org.viewer, running.id)))?.code).toBe("forbidden");
    expect((await appErrorOf(endDrill(other.admin, running.id)))?.code).toBe("not_found");
    expect((await appErrorOf(getDrillReport(other.viewer, running.id)))?.code).toBe("not_found");
    expect((await db().drill.findUniqueOrThrow({ where: { id: running.id } })).status).toBe("running");

    await db().drill.update({ where: { id: running.id }, data: { status: "cancelled", endedAt: new Date() } });
    expect((await appErrorOf(endDrill(org.commander, running.id)))?.code).toBe("conflict");
    expect((await getDrillReport(org.viewer, running.id)).report).toBeNull();
  });

  it("ends the drill when its practice incident is resolved in the room", async () => {
    const d = await drillStarted(8);
    expect((await getDrillReport(org.viewer, d.id)).report).toBeNull();
    await updateIncident(org.commander, d.incident.id, { status: "resolved" });
    const { drill, report } = await getDrillReport(org.viewer, d.id);
    expect(drill.status).toBe("finished");
    expect(report?.metrics).toHaveLength(7);
    // Re-opening and resolving again leaves the first report alone.
    await updateIncident(org.commander, d.incident.id, { status: "monitoring" });
    await updateIncident(org.commander, d.incident.id, { status: "resolved" });
    expect((await getDrillReport(org.viewer, d.id)).report).toEqual(report);
  });

  it("compares with the previous drill of the scenario and with real incidents only", async () => {
    const lab = await seedOrganization("Median Retail");
    // Real incidents: acknowledged 4 and 8 minutes after detection → median 6 minutes.
    for (const minutes of [4, 8]) {
      const real = await seedIncident(lab.admin);
      const start = new Date(Date.now() - 60 * MIN);
      await db().incident.update({
        where: { id: real.id },
        data: { startedAt: start, detectedAt: start, acknowledgedAt: new Date(start.getTime() + minutes * MIN) },
      });
    }
    const practice = async (ackMinutes: number, minutesAgo: number) => {
      const d = await seedPracticeDrill(lab.commander, { speed: 2 });
      const start = new Date(Date.now() - minutesAgo * MIN);
      await db().drill.update({ where: { id: d.id }, data: { startedAt: start } });
      await db().incident.update({
        where: { id: d.incident.id },
        data: { startedAt: start, detectedAt: start, acknowledgedAt: new Date(start.getTime() + ackMinutes * MIN) },
      });
      return d;
    };
    // A drill acknowledged after 1 minute would pull a median that counted it down to 4 minutes.
    const earlier = await practice(1, 50);
    await endDrill(lab.commander, earlier.id);
    const later = await practice(3, 20);
    const { report } = await endDrill(lab.commander, later.id);
    expect(report?.comparison.realIncidentsCompared).toBe(2);
    expect(report?.comparison.previousDrill?.id).toBe(earlier.id);
    // ack 3 min wall × 2 = 6 min drill; earlier drill 1 × 2 = 2 min; real median 6 min.
    expect(report?.comparison.metrics.find((m) => m.key === "acknowledge")).toEqual({
      key: "acknowledge",
      previous: 2 * MIN,
      previousDelta: 4 * MIN,
      allDrillsMedian: 2 * MIN,
      realMedian: 6 * MIN,
      realDelta: 0,
    });
  });
});
