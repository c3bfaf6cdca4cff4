import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { verifyPassword } from "../../lib/auth/password.ts";
import { declareIncident } from "../../lib/incidents/declare-incident.ts";
import { DEMO_DEPENDENCIES, DEMO_PASSWORD } from "../../lib/seed/demo-catalog.ts";
import { DEMO_PAST_INCIDENTS } from "../../lib/seed/demo-history-content.ts";
import { seedDemo } from "../../lib/seed/seed-demo.ts";
import type { DrillReport } from "../../lib/drill-reports/report-types.ts";
import { parseScenario } from "../../lib/drills/parse-scenario.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.close());

async function counts() {
  const p = testDb.database.prisma;
  return {
    organizations: await p.organization.count(),
    users: await p.user.count(),
    teams: await p.team.count(),
    services: await p.service.count(),
    dependencies: await p.serviceDependency.count(),
    incidents: await p.incident.count(),
    events: await p.timelineEvent.count(),
  };
}

describe("seedDemo", () => {
  it("fills an empty database with the demo retailer", async () => {
    expect(await seedDemo(testDb.database.prisma)).toBe(true);
    const { events, ...rest } = await counts();
    expect(rest).toEqual({
      organizations: 1,
      users: 4,
      teams: 7,
      services: 15,
      dependencies: DEMO_DEPENDENCIES.length,
      incidents: 2 + DEMO_PAST_INCIDENTS.length,
    });
    expect(events).toBeGreaterThanOrEqual(5);
  });

  it("gives the demo users a working password, one per role", async () => {
    const users = await testDb.database.prisma.user.findMany({ orderBy: { email: "asc" } });
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ["admin@warroom.local", "ADMIN"],
      ["commander@warroom.local", "COMMANDER"],
      ["responder@warroom.local", "RESPONDER"],
      ["viewer@warroom.local", "VIEWER"],
    ]);
    expect(await verifyPassword(DEMO_PASSWORD, users[0]?.passwordHash ?? "")).toBe(true);
  });

  it("opens the demo incident as INC-1 with a gapless timeline; past incidents follow, so the next one is declared after them", async () => {
    const p = testDb.database.prisma;
    const incident = await p.incident.findFirstOrThrow({
      where: { number: 1 },
      include: { events: { orderBy: { seq: "asc" } }, organization: true },
    });
    expect(incident).toMatchObject({ number: 1, severity: "SEV1", status: "investigating" });
    expect(incident.events.map((e) => e.seq)).toEqual(Array.from({ length: incident.lastSeq }, (_, i) => i + 1));
    expect(incident.events.map((e) => e.kind)).toContain("status_change");
    // INC-1, the past incidents, then the finished drill's practice incident.
    const last = 2 + DEMO_PAST_INCIDENTS.length;
    expect(incident.organization.lastIncidentNumber).toBe(last);
    expect(await p.incident.count({ where: { status: { not: "resolved" } } })).toBe(1);

    const commander = await resolveActor(incident.commanderId);
    expect((await declareIncident(commander, { title: "Search index stale", severity: "SEV3" })).ref).toBe(`INC-${last + 1}`);
  });

  it("has one finished payment-gateway drill scored by the report code: some steps slow, Fulfillment never told", async () => {
    const p = testDb.database.prisma;
    const drill = await p.drill.findFirstOrThrow({ include: { incident: true } });
    expect(drill).toMatchObject({ status: "finished", scenarioKey: "payment-gateway-timeouts", speed: 2 });
    expect(drill.incident).toMatchObject({ status: "resolved", number: 2 + DEMO_PAST_INCIDENTS.length });
    expect(drill.endedAt?.toISOString()).toBe(drill.incident?.resolvedAt?.toISOString());
    // The shipped scenario as run, every step played: the drills list reads "step 8 of 8".
    const parsed = parseScenario(drill.scenarioYaml);
    expect(parsed.ok && parsed.scenario.steps.length).toBe(8);
    expect(drill.nextStep).toBe(8);
    const report = drill.report as unknown as DrillReport;
    // Wall minutes × 2: acknowledged at 2, impact at 5, severity at 7, update at 10, adapter named at 12, confirmed at 16.
    expect(Object.fromEntries(report.metrics.map((m) => [m.key, m.drillMs === null ? null : m.drillMs / 60_000]))).toEqual({
      acknowledge: 4,
      severity: 14,
      impact: 10,
      notifyAll: null,
      identify: 24,
      confirm: 32,
      firstUpdate: 20,
    });
    expect(report.teams.filter((t) => t.toldAt === null).map((t) => t.name)).toEqual(["Fulfillment"]);
    expect(report.loss.drill.revenue).toBeGreaterThan(0);
    expect(report.lessons.wasSlow.length).toBeGreaterThanOrEqual(3);
    // Real incidents' MTTA excludes the drill: the past incidents only.
    expect(report.comparison.realIncidentsCompared).toBe(1 + DEMO_PAST_INCIDENTS.length);
    const realMtta = report.comparison.metrics.find((m) => m.key === "acknowledge")?.realMedian;
    expect(realMtta).not.toBeNull();
  });

  it("gives the past incidents published post-mortems with a frozen revision and follow-ups, one of them overdue", async () => {
    const p = testDb.database.prisma;
    const published = await p.postmortem.findMany({ where: { status: "published" }, include: { revisions: true, actionItems: true } });
    expect(published.length).toBe(DEMO_PAST_INCIDENTS.filter((i) => i.postmortem.status === "published").length);
    for (const pm of published) {
      expect(pm.revisions.map((r) => r.number)).toEqual([pm.publishedRevision]);
      expect(pm.actionItems.length).toBeGreaterThan(0);
    }
    const today = new Date(new Date().toISOString().slice(0, 10));
    const overdue = await p.actionItem.count({ where: { status: { in: ["open", "in_progress"] }, dueDate: { lt: today } } });
    expect(overdue).toBeGreaterThanOrEqual(1);
  });

  it("does nothing the second time", async () => {
    const before = await counts();
    expect(await seedDemo(testDb.database.prisma)).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
