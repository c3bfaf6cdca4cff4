import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor.ts";
import { createService } from "../../lib/catalog/create-service.ts";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { db } from "../../lib/db/client.ts";
import { cancelDrill } from "../../lib/drills/cancel-drill.ts";
import { playDueDrillSteps } from "../../lib/drills/play-due-drill-steps.ts";
import { listDrills } from "../../lib/drills/list-drills.ts";
import { listScenarios } from "../../lib/drills/scenario-summary.ts";
import { startDrill } from "../../lib/drills/start-drill.ts";
import { PAYMENT_GATEWAY_TIMEOUTS } from "../../lib/drills/scenarios/payment-gateway-timeouts.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import { listIncidents } from "../../lib/incidents/list-incidents.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { getInsights } from "../../lib/insights/get-insights.ts";
import { ingestWebhook } from "../../lib/integrations/ingest-webhook.ts";
import { createIntegration } from "../../lib/integrations/create-integration.ts";
import { createChannel } from "../../lib/outbound/create-channel.ts";
import { updateChannel } from "../../lib/outbound/update-channel.ts";
import { postStakeholderUpdate } from "../../lib/stakeholder/post-stakeholder-update.ts";
import { loadPublicStatus } from "../../lib/status/load-public-status.ts";
import { pageTeam } from "../../lib/paging/page-team.ts";
import { setPagingRoute } from "../../lib/paging/set-paging-route.ts";
import { setPagingSettings } from "../../lib/paging/set-paging-settings.ts";
import { listEvents } from "../../lib/timeline/list-events.ts";
import { expectAppError } from "../helpers/app-error.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
let other: SeededOrganization;
const ids = { gateway: "", checkout: "", payments: "", checkoutTeam: "" };

/** The part of the demo catalog the payment scenario names, under the demo's names. */
async function seedPaymentCatalog(admin: Actor) {
  const payments = await createTeam(admin, { name: "Payments" });
  const checkoutTeam = await createTeam(admin, { name: "Checkout" });
  const gateway = await createService(admin, {
    name: "Payment gateway adapter",
    teamId: payments.id,
    kind: "payment",
    tier: 1,
    journeys: ["payment", "checkout"],
  });
  const checkout = await createService(admin, {
    name: "Checkout API",
    teamId: checkoutTeam.id,
    kind: "api",
    tier: 1,
    journeys: ["checkout"],
  });
  return { gateway: gateway.id, checkout: checkout.id, payments: payments.id, checkoutTeam: checkoutTeam.id };
}

async function entriesOf(actor: Actor, incidentId: string) {
  return (await listEvents(actor, incidentId, {})).events;
}

const drillMark = (data: unknown) => (data as { drill?: { drillId: string; step: number; injected?: boolean } } | null)?.drill;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Drill Retail");
  other = await seedOrganization("Other Drill Retail");
  Object.assign(ids, await seedPaymentCatalog(org.admin));
});

afterAll(async () => {
  await testDb.close();
});

describe("starting a drill", () => {
  it("lists the four shipped scenarios with their duration at each speed", () => {
    const scenarios = listScenarios(org.viewer);
    expect(scenarios.map((s) => s.key)).toEqual([
      "payment-gateway-timeouts",
      "inventory-sync-lag",
      "product-feeds-behind",
      "returns-api-breaks-order-sync",
    ]);
    expect(scenarios[0]?.durations).toEqual({ "1": "12m", "2": "6m", "5": "2m 24s" });
  });

  it("only admins and commanders start or cancel drills", async () => {
    await expectAppError(startDrill(org.responder, { scenarioKey: "payment-gateway-timeouts", speed: 5 }), "forbidden");
    await expectAppError(startDrill(org.viewer, { scenarioKey: "payment-gateway-timeouts", speed: 5 }), "forbidden");
    const { drill } = await startDrill(org.commander, { scenarioKey: "payment-gateway-timeouts", speed: 5 });
    await expectAppError(cancelDrill(org.responder, drill.id), "forbidden");
    // Another organisation's admin does not see it at all.
    await expectAppError(cancelDrill(other.admin, drill.id), "not_found");
    expect((await listDrills(other.admin)).map((d) => d.id)).not.toContain(drill.id);
    const cancelled = await cancelDrill(org.admin, drill.id);
    expect(cancelled.status).toBe("cancelled");
    await expectAppError(cancelDrill(org.admin, drill.id), "conflict");
    // A cancelled drill plays nothing more, and its practice incident is resolved.
    await playDueDrillSteps(() => new Date(Date.now() + 3_600_000));
    const incidentId = cancelled.incident?.id ?? "";
    expect((await entriesOf(org.admin, incidentId)).filter((e) => drillMark(e.data)?.injected)).toEqual([]);
    expect(cancelled.incident?.status).toBe("resolved");
  });

  it("refuses a scenario naming a service this catalog does not have, at its line, and bad speeds", async () => {
    const typo = PAYMENT_GATEWAY_TIMEOUTS.replace("service: Checkout API", "service: Checkout APl");
    const error = await expectAppError(startDrill(org.admin, { yaml: typo, speed: 2 }), "validation_failed", "yaml");
    expect(error.message).toBe("Invalid scenario — line 15: steps[1].alert.service: unknown service 'Checkout APl'");
    // The other organisation has no Payments team or gateway: the shipped scenario is refused there.
    const foreign = await expectAppError(
      startDrill(other.admin, { scenarioKey: "payment-gateway-timeouts", speed: 1 }),
      "validation_failed",
      "yaml",
    );
    expect(foreign.message).toMatch(/^Invalid scenario — line \d+: failing_service: unknown service 'Payment gateway adapter'/);
    await expectAppError(startDrill(org.admin, { scenarioKey: "payment-gateway-timeouts", speed: 3 }), "validation_failed", "speed");
    await expectAppError(startDrill(org.admin, { scenarioKey: "no-such-drill", speed: 1 }), "validation_failed", "scenarioKey");
    const backwards = PAYMENT_GATEWAY_TIMEOUTS.replace("  - at: 4m", "  - at: 1m30s");
    const time = await expectAppError(startDrill(org.admin, { yaml: backwards, speed: 1 }), "validation_failed", "yaml");
    expect(time.message).toBe("Invalid scenario — line 18: steps[3].at: 1m30s goes back before 2m");
    expect(await db().drill.count({ where: { organizationId: other.id } })).toBe(0);
  });
});

describe("playing a drill", () => {
  it("injects the payment scenario through the alert parser into the drill's incident only, a real incident and real channels untouched", async () => {
    // A real incident on the same service, opened by a real Alertmanager webhook.
    const source = await createIntegration(org.admin, { kind: "alertmanager", name: "Prod Alertmanager" });
    const realBody = JSON.stringify({
      version: "4",
      groupKey: '{}:{alertname="PaymentGatewayTimeouts"}',
      status: "firing",
      receiver: "warroom",
      alerts: [
        {
          status: "firing",
          labels: { alertname: "PaymentGatewayTimeouts", service: "Payment gateway adapter", severity: "critical" },
          annotations: { summary: "PaymentGatewayTimeouts: p99 authorisation latency > 8s" },
          startsAt: new Date().toISOString(),
          endsAt: "0001-01-01T00:00:00Z",
          fingerprint: "c0ffee0000000001",
        },
      ],
    });
    const ingested = await ingestWebhook(source.integration.id, {
      headers: new Headers({ authorization: `Bearer ${source.secret}` }),
      rawBody: realBody,
      query: new URLSearchParams(),
    });
    const real = ingested.incidents[0];
    if (!real) throw new Error("the real alert opened no incident");
    const realBefore = await db().incident.findUniqueOrThrow({ where: { id: real.id }, select: { lastSeq: true, updatedAt: true } });
    const healthBefore = await db().service.findUniqueOrThrow({
      where: { id: ids.gateway },
      select: { health: true, healthMessage: true },
    });

    // Channels: one real (every event), one that hears drills.
    const realChannel = await createChannel(org.admin, {
      kind: "slack",
      name: "#incidents",
      url: "https://hooks.slack.com/services/T000/B000/realreal",
    });
    const drillChannel = await createChannel(org.admin, {
      kind: "slack",
      name: "#game-day",
      url: "https://hooks.slack.com/services/T000/B000/drilldrill",
      acceptsDrills: true,
    });

    const start = new Date();
    const { drill, incident } = await startDrill(org.commander, { scenarioKey: "payment-gateway-timeouts", speed: 5 }, start);
    expect(incident.drillId).toBe(drill.id);
    expect(incident.title).toBe("[DRILL] Payment gateway adapter timeouts at 10× Black Friday traffic");
    expect(incident.commander).toBeNull();
    expect(incident.acknowledgedAt).toBeNull();
    const first = (await entriesOf(org.viewer, incident.id))[0];
    expect(first?.body).toMatch(/^DRILL — practice incident\./);

    // Only the first step is due at the start (×5: the second is due 12 s later).
    await playDueDrillSteps(() => start);
    let entries = await entriesOf(org.viewer, incident.id);
    const alert = entries.find((e) => e.kind === "alert");
    expect(alert?.body).toMatch(/^Firing: PaymentGatewayTimeouts: p99 authorisation latency > 8s/);
    const data = alert?.data as { source: string; dedupKey: string; service: { id: string } | null; labels: Record<string, string> };
    expect(data.source).toBe("alertmanager");
    expect(data.dedupKey.startsWith(`drill:${drill.id}:`)).toBe(true);
    expect(data.service?.id).toBe(ids.gateway);
    expect(data.labels.drill).toBe(drill.id);
    expect(drillMark(alert?.data)).toMatchObject({ drillId: drill.id, step: 1, injected: true });
    expect(entries.filter((e) => drillMark(e.data)?.injected)).toHaveLength(1);

    await playDueDrillSteps(() => new Date(start.getTime() + 12_500));
    entries = await entriesOf(org.viewer, incident.id);
    expect(entries.filter((e) => drillMark(e.data)?.injected).map((e) => drillMark(e.data)?.step)).toEqual([1, 2]);

    // The rest of the script, then a pass with nothing left to play.
    await playDueDrillSteps(() => new Date(start.getTime() + 3_600_000));
    expect(await playDueDrillSteps(() => new Date(start.getTime() + 7_200_000))).toBe(0);
    entries = await entriesOf(org.viewer, incident.id);
    const injected = entries.filter((e) => drillMark(e.data)?.injected);
    expect(injected.map((e) => drillMark(e.data)?.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(injected.map((e) => e.body.split(":")[0])).toEqual([
      "Firing",
      "Firing",
      "Health (drill)",
      "Customer signal (drill)",
      "Stakeholder question (drill) from Head of E-commerce",
      "Health (drill)",
      "Customer signal (drill)",
      "Resolved",
    ]);
    const row = await db().drill.findUniqueOrThrow({ where: { id: drill.id }, select: { nextStep: true, nextStepAt: true } });
    expect(row).toEqual({ nextStep: 8, nextStepAt: null });

    // The real incident, the real service's health and the real alert's de-duplication row: untouched.
    expect(await db().incident.findUniqueOrThrow({ where: { id: real.id }, select: { lastSeq: true, updatedAt: true } })).toEqual(
      realBefore,
    );
    expect(await db().service.findUniqueOrThrow({ where: { id: ids.gateway }, select: { health: true, healthMessage: true } })).toEqual(
      healthBefore,
    );
    expect(await db().integrationAlert.count({ where: { dedupKey: { startsWith: "drill:" } } })).toBe(0);
    // No incident was opened by the drill's alerts: only the practice incident carries the drill.
    expect(await db().incident.count({ where: { organizationId: org.id, title: { contains: "PaymentGatewayTimeouts" } } })).toBe(1);

    // Only the drill-accepting channel heard of the practice incident, marked [DRILL].
    const deliveries = await db().outboundDelivery.findMany({
      where: { incidentId: incident.id },
      select: { channelId: true, payload: true },
    });
    expect(deliveries.length).toBeGreaterThan(0);
    expect(new Set(deliveries.map((d) => d.channelId))).toEqual(new Set([drillChannel.channel.id]));
    expect(JSON.stringify(deliveries[0]?.payload)).toContain("[DRILL]");
    expect(await db().outboundDelivery.count({ where: { channelId: realChannel.channel.id, incidentId: incident.id } })).toBe(0);
  });

  it("keeps two drills of the same scenario apart", async () => {
    const start = new Date();
    const a = await startDrill(org.admin, { scenarioKey: "payment-gateway-timeouts", speed: 5 }, start);
    const b = await startDrill(org.commander, { scenarioKey: "payment-gateway-timeouts", speed: 2 }, start);
    await playDueDrillSteps(() => new Date(start.getTime() + 3_600_000));
    for (const { drill, incident } of [a, b]) {
      const injected = (await entriesOf(org.admin, incident.id)).filter((e) => drillMark(e.data)?.injected);
      expect(injected).toHaveLength(8);
      expect(new Set(injected.map((e) => drillMark(e.data)?.drillId))).toEqual(new Set([drill.id]));
      const keys = injected.filter((e) => e.kind === "alert").map((e) => (e.data as { dedupKey: string }).dedupKey);
      expect(keys.every((k) => k.startsWith(`drill:${drill.id}:`))).toBe(true);
    }
  });

  it("plays each step once when several players run at the same time", async () => {
    const start = new Date();
    const { drill, incident } = await startDrill(org.admin, { scenarioKey: "payment-gateway-timeouts", speed: 5 }, start);
    const later = () => new Date(start.getTime() + 3_600_000);
    // As two instances would: passes racing for the same due steps.
    await Promise.all([playDueDrillSteps(later), playDueDrillSteps(later), playDueDrillSteps(later)]);
    const steps = (await entriesOf(org.admin, incident.id))
      .filter((e) => drillMark(e.data)?.drillId === drill.id && drillMark(e.data)?.injected)
      .map((e) => drillMark(e.data)?.step);
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("never pages for real: a page is recorded as practice and SEV1 auto-page stays quiet", async () => {
    await setPagingRoute(org.admin, ids.payments, { kind: "pagerduty", key: "e93facc04764012d7bfb002500d5d1a6" });
    await setPagingSettings(org.admin, { sev1AutoPage: true });
    const { incident } = await startDrill(org.commander, { scenarioKey: "payment-gateway-timeouts", speed: 5 });
    await setImpactedServices(org.commander, incident.id, { serviceIds: [ids.gateway] });
    await updateIncident(org.commander, incident.id, { severity: "SEV1" });
    const { entries } = await pageTeam(org.responder, incident.id, { teamId: ids.payments, reason: "gateway timeouts" });
    expect(entries[0]?.body).toBe("Practice (drill): would have paged Payments via PagerDuty: gateway timeouts — nothing was sent");
    expect(await db().outboundDelivery.count({ where: { incidentId: incident.id, pageId: { not: null } } })).toBe(0);
    expect(await db().page.findMany({ where: { incidentId: incident.id }, select: { nextEscalationAt: true } })).toEqual([
      { nextEscalationAt: null },
    ]);
    await setPagingSettings(org.admin, { sev1AutoPage: false });
  });
});

describe("drills never reach customers or real channels", () => {
  it("keeps a drill's public stakeholder update off the status page", async () => {
    const slug = (await db().organization.findUniqueOrThrow({ where: { id: org.id }, select: { slug: true } })).slug;
    const { incident } = await startDrill(org.commander, { scenarioKey: "payment-gateway-timeouts", speed: 5 });
    await postStakeholderUpdate(org.commander, incident.id, {
      affected: "Card payments fail for about a third of customers",
      doing: "Failing over to the backup PSP",
      isPublic: true,
      journeyStatus: { payment: "major_outage" },
    });
    const status = await loadPublicStatus(slug);
    expect(status?.activeIncidents).toEqual([]);
    expect(status?.journeys.find((j) => j.journey === "payment")?.status).toBe("operational");
  });

  it("tells a channel of drills only while it accepts them", async () => {
    const channel = await createChannel(org.admin, {
      kind: "webhook",
      name: "Game-day hook",
      url: "https://hooks.example.com/game-day",
      acceptsDrills: true,
    });
    expect(channel.channel.acceptsDrills).toBe(true);
    const off = await updateChannel(org.admin, channel.channel.id, { acceptsDrills: false });
    expect(off.channel.acceptsDrills).toBe(false);
    await expectAppError(updateChannel(org.admin, channel.channel.id, { acceptsDrills: "yes" }), "validation_failed", "acceptsDrills");
    const { incident } = await startDrill(org.commander, { scenarioKey: "payment-gateway-timeouts", speed: 5 });
    expect(await db().outboundDelivery.count({ where: { incidentId: incident.id, channelId: channel.channel.id } })).toBe(0);
  });
});

describe("drills are kept out of real figures", () => {
  it("leaves drills out of the incident list and insights unless asked for", async () => {
    const { incident } = await startDrill(org.admin, { scenarioKey: "payment-gateway-timeouts", speed: 1 });
    expect((await listIncidents(org.viewer)).map((i) => i.id)).not.toContain(incident.id);
    expect((await listIncidents(org.viewer, { drills: "include" })).map((i) => i.id)).toContain(incident.id);
    const real = await getInsights(org.viewer, {});
    const all = await getInsights(org.viewer, { drills: "include" });
    const drills = await db().incident.count({ where: { organizationId: org.id, drillId: { not: null } } });
    expect(drills).toBeGreaterThan(0);
    expect(all.incidentCount - real.incidentCount).toBe(drills);
  });
});
