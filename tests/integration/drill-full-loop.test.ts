// Issue #21 end to end on the demo organisation: a shipped scenario started through startDrill,
// played by the player through the real alert parser, worked by people as a real incident (a page
// that is only practice, a hypothesis naming the failing service, severity, impact, an update),
// resolved in the room, and scored against the demo's earlier drill. Nothing leaves the drill.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { type Actor } from "../../lib/auth/actor.ts";
import { playDueDrillSteps } from "../../lib/drills/play-due-drill-steps.ts";
import { getDrillReport } from "../../lib/drill-reports/get-drill-report.ts";
import type { DrillReport } from "../../lib/drill-reports/report-types.ts";
import { startDrill } from "../../lib/drills/start-drill.ts";
import { setIncidentImpact } from "../../lib/incidents/set-incident-impact.ts";
import { getTriage } from "../../lib/incidents/get-triage.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { pageTeam } from "../../lib/paging/page-team.ts";
import { setPagingRoute } from "../../lib/paging/set-paging-route.ts";
import { seedDemo } from "../../lib/seed/seed-demo.ts";
import { postStakeholderUpdate } from "../../lib/stakeholder/post-stakeholder-update.ts";
import { loadPublicStatus } from "../../lib/status/load-public-status.ts";
import { amendEvent } from "../../lib/timeline/amend-event.ts";
import { listEvents } from "../../lib/timeline/list-events.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let commander: Actor;
let responder: Actor;
const MIN = 60_000;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(testDb.database.prisma);
  const p = testDb.database.prisma;
  commander = await resolveActor((await p.user.findUniqueOrThrow({ where: { email: "commander@warroom.local" } })).id);
  responder = await resolveActor((await p.user.findUniqueOrThrow({ where: { email: "responder@warroom.local" } })).id);
});
afterAll(() => testDb.close());

describe("a payment-gateway drill from start to report", () => {
  it("plays the script, keeps everything inside the drill, and scores the response against the demo's earlier drill", async () => {
    const p = testDb.database.prisma;
    const payments = await p.team.findFirstOrThrow({ where: { organizationId: commander.organizationId, name: "Payments" } });
    await setPagingRoute(commander, payments.id, { kind: "pagerduty", key: "R0UT1NGKEY0000000000000000000000" });
    const outboundBefore = await p.outboundDelivery.count();
    // The status page would show an open incident's impacted journeys by itself: a drill's must not.
    await p.organization.update({ where: { id: commander.organizationId }, data: { statusAutoImpact: true } });
    const statusAt = new Date();
    const statusBefore = await loadPublicStatus(null, statusAt);

    // Started 4 wall minutes ago at ×5: 20 scenario minutes, so all 8 steps (the last at 12m) are due.
    const started = new Date(Date.now() - 4 * MIN);
    const { drill, incident } = await startDrill(commander, { scenarioKey: "payment-gateway-timeouts", speed: 5 }, started);
    expect(incident).toMatchObject({ drillId: drill.id, severity: "SEV4" });
    expect(incident.title).toContain("[DRILL]");
    await playDueDrillSteps(() => new Date());
    const injected = (await listEvents(commander, incident.id, {})).events.filter(
      (e) => (e.data as { drill?: { injected?: boolean } } | null)?.drill?.injected,
    );
    expect(injected.map((e) => (e.data as { drill: { step: number } }).drill.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // The alert went through the parser and the catalog mapping: it names the real service.
    expect(injected[0]?.body).toContain("PaymentGatewayTimeouts");
    // The real payment gateway's health is untouched; only the drill's timeline says it is down.
    const gateway = await p.service.findFirstOrThrow({
      where: { organizationId: commander.organizationId, name: "Payment gateway adapter" },
    });
    expect(gateway.health).not.toBe("down");

    // The room works it as a real incident, with times back-dated to the wall minute they happened.
    const at = (wallMinutes: number) => new Date(started.getTime() + wallMinutes * MIN).toISOString();
    await postEvent(responder, incident.id, { kind: "note", body: "Looking at the PSP dashboards", occurredAt: at(0.5) });
    const { entries } = await pageTeam(commander, incident.id, { teamId: payments.id, reason: "authorisations timing out" });
    expect(entries.map((e) => e.body).join("\n")).toMatch(/would have paged Payments/);
    const { event: guess } = await postEvent(responder, incident.id, {
      kind: "hypothesis",
      body: "The payment gateway adapter's pool to the PSP is exhausted",
      occurredAt: at(1),
    });
    await amendEvent(commander, incident.id, guess.seq, { data: { state: "confirmed" } });
    await updateIncident(commander, incident.id, { severity: "SEV1" });
    await setIncidentImpact(commander, incident.id, { journeys: { payment: { degradation: 40, since: at(0) } } });
    await postStakeholderUpdate(commander, incident.id, {
      affected: "Card payments failing for 4 in 10 shoppers",
      doing: "Failing over to the secondary PSP",
    });
    expect(await loadPublicStatus(null, statusAt)).toEqual(statusBefore);
    // Triage shows it, marked as a drill.
    expect((await getTriage(commander)).incidents.find((r) => r.incident.id === incident.id)?.incident.drillId).toBe(drill.id);

    // Resolved in the room: the drill ends and is scored in the same commit.
    await updateIncident(commander, incident.id, { status: "resolved" });
    const { drill: finished, report } = await getDrillReport(commander, drill.id);
    expect(finished.status).toBe("finished");
    const r = report as DrillReport;
    const metric = (key: string) => r.metrics.find((m) => m.key === key);
    expect(r.failingService?.name).toBe("Payment gateway adapter");
    expect(metric("acknowledge")).toMatchObject({ wallMs: 0.5 * MIN, drillMs: 2.5 * MIN });
    expect(metric("identify")).toMatchObject({ wallMs: 1 * MIN, drillMs: 5 * MIN });
    // The practice page counts as telling Payments; teams nobody told are named.
    expect(r.teams.find((t) => t.name === "Payments")?.wallMs).not.toBeNull();
    expect(r.teams.filter((t) => t.wallMs === null).length).toBeGreaterThan(0);
    expect(metric("notifyAll")?.drillMs).toBeNull();
    // Compared with the demo's finished payment drill.
    expect(r.comparison.previousDrill).not.toBeNull();
    expect(r.loss.drill.revenue).toBeGreaterThan(0);

    // Nothing left the drill: no message queued for any channel or pager, the status page as before.
    expect(await p.outboundDelivery.count()).toBe(outboundBefore);
    expect(await loadPublicStatus(null, statusAt)).toEqual(statusBefore);
  });
});
