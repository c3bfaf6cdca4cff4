import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "../../app/api/webhooks/[integrationId]/route.ts";
import { createService } from "../../lib/catalog/create-service.ts";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { db } from "../../lib/db/client.ts";
import { getIncidentImpact } from "../../lib/impact/get-incident-impact.ts";
import { getTriage } from "../../lib/incidents/get-triage.ts";
import { setIncidentImpact } from "../../lib/incidents/set-incident-impact.ts";
import { getIncidentOrThrow as getIncident } from "../../lib/incident-record/get-incident.ts";
import type { IngestResult } from "../../lib/integrations/ingest-webhook.ts";
import { createIntegration } from "../../lib/integrations/create-integration.ts";
import { updateIntegration } from "../../lib/integrations/update-integration.ts";
import { callRoute } from "../helpers/call-route.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/webhooks", name), "utf8");
/** The published group of two, firing now (the impact clock starts at the alert's startsAt). */
const groupOfTwo = (startsAt = new Date(Date.now() - 60_000).toISOString()) => {
  const body = JSON.parse(fixture("alertmanager-group-of-two.json")) as { alerts: { startsAt: string }[] };
  for (const a of body.alerts) a.startsAt = startsAt;
  return JSON.stringify(body);
};

let testDb: TestDatabase;
let acme: SeededOrganization;
let gatewayId: string;

afterAll(() => testDb.close());

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme");
  const onCall = await db().user.findUniqueOrThrow({ where: { id: acme.responder.userId }, select: { email: true } });
  const team = await createTeam(acme.admin, { name: "Payments", onCall: [`On call: ${onCall.email} (primary)`, "+49 30 1234"] });
  const gateway = await createService(acme.admin, {
    name: "Payment gateway adapter",
    teamId: team.id,
    kind: "payment",
    tier: 1,
    journeys: ["checkout", "payment"],
    aliases: ["payment-gateway", "pgw"],
  });
  gatewayId = gateway.id;
  await db().journeyBaseline.createMany({
    data: [
      {
        organizationId: acme.id,
        journey: "checkout",
        revenuePerMinute: 1000,
        ordersPerMinute: 10,
        customersPerMinute: 40,
        conversionWeight: 1,
      },
      {
        organizationId: acme.id,
        journey: "payment",
        revenuePerMinute: 800,
        ordersPerMinute: 8,
        customersPerMinute: 30,
        conversionWeight: 1,
      },
    ],
  });
});

async function sendGroup(extra: Record<string, unknown> = {}, body = groupOfTwo()) {
  const { integration, secret } = await createIntegration(acme.admin, { kind: "alertmanager", name: `AM ${Math.random()}`, ...extra });
  const res = await callRoute<{ integrationId: string }>(webhookRoute.POST, {
    method: "POST",
    path: `/api/webhooks/${integration.id}`,
    params: { integrationId: integration.id },
    headers: { authorization: `Bearer ${secret}` },
    body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const result = res.body as IngestResult;
  return { integration, result, incidentId: result.incidents[0]?.id ?? "" };
}

describe("an Alertmanager notification group on a catalogued service", () => {
  it("opens one incident for the group, matched by the service's alias, with the alerts and their links on the entry", async () => {
    const { result, incidentId } = await sendGroup();
    expect(result).toMatchObject({ opened: 1 });
    const incident = await getIncident(acme.viewer, incidentId);
    expect(incident.services.map((s) => s.id)).toEqual([gatewayId]);
    expect(incident.title).toBe("Payment gateway adapter: PSP authorisations failing (2 firing)");
    const entry = await db().timelineEvent.findFirstOrThrow({ where: { incidentId, kind: "alert" } });
    const data = entry.data as { links: { label: string; url: string }[]; alerts: { instance: string }[] };
    expect(data.alerts.map((a) => a.instance)).toEqual(["pgw-6c9d7-x2k4q:8080", "pgw-6c9d7-m8r2t:8080"]);
    expect(data.links).toEqual([
      { label: "Runbook", url: "https://wiki.example/runbooks/psp-errors" },
      { label: "Source graph", url: "http://prometheus.monitoring.svc:9090/graph?g0.expr=psp_auth_errors_ratio+%3E+0.05&g0.tab=1" },
      { label: "Alertmanager", url: "http://alertmanager.monitoring.svc:9093" },
    ]);
  });

  it("puts money at stake: the service's journeys degraded by the severity's default, flagged as estimated, ranked above a $0 incident", async () => {
    const quiet = await seedIncident(acme.commander, { title: "Typo on the returns page", severity: "SEV1" });
    const { incidentId } = await sendGroup();
    const impact = await getIncidentImpact(acme.viewer, incidentId);
    // "critical" → SEV2 → 25% of checkout (1000/min) and payment (800/min).
    expect(impact.journeys.map((j) => [j.journey, j.degradation, j.estimated])).toEqual([
      ["checkout", 25, true],
      ["payment", 25, true],
    ]);
    expect(impact.estimated).toBe(true);
    expect(impact.perMinute.revenue).toBeGreaterThan(0);
    const entries = await db().timelineEvent.findMany({ where: { incidentId, kind: "impact_change" }, orderBy: { seq: "asc" } });
    expect(entries.at(-1)?.body).toMatch(/^Impact estimated from alert: Checkout, Payment 25% degraded/);

    const triage = await getTriage(acme.viewer);
    const ids = triage.incidents.map((r) => r.incident.id);
    expect(ids.indexOf(incidentId)).toBeLessThan(ids.indexOf(quiet.id));
    expect(triage.incidents.find((r) => r.incident.id === incidentId)?.impact.estimated).toBe(true);
  });

  it("suggests the owning team's first on-call person as commander without putting them in command", async () => {
    const { incidentId } = await sendGroup();
    const incident = await getIncident(acme.viewer, incidentId);
    expect(incident.commander).toBeNull();
    expect(incident.suggestedCommander?.id).toBe(acme.responder.userId);
    const row = (await getTriage(acme.viewer)).incidents.find((r) => r.incident.id === incidentId);
    expect(row?.incident.suggestedCommander?.id).toBe(acme.responder.userId);
    const note = await db().timelineEvent.findFirstOrThrow({ where: { incidentId, kind: "note" } });
    expect(note.body).toMatch(/^Suggested commander: .+ \(first on call for Payments\)/);
  });

  it("a person confirming the estimate (same figure) or changing it clears the flag", async () => {
    const { incidentId } = await sendGroup();
    const confirmed = await setIncidentImpact(acme.responder, incidentId, { journeys: { checkout: { degradation: 25 } } });
    expect(confirmed.journeys.find((j) => j.journey === "checkout")).toMatchObject({ degradation: 25, estimated: false });
    expect(confirmed.estimated).toBe(true); // payment is still the alert's guess
    const changed = await setIncidentImpact(acme.responder, incidentId, { journeys: { payment: { degradation: 70 } } });
    expect(changed.estimated).toBe(false);
    expect(changed.journeys.find((j) => j.journey === "payment")).toMatchObject({
      degradation: 70,
      estimated: false,
      updatedBy: { id: acme.responder.userId },
    });
  });

  it("uses the integration's degradation for the severity over the organisation's, and the organisation's over the default", async () => {
    await db().organization.update({ where: { id: acme.id }, data: { alertDegradation: { SEV2: 40 } } });
    try {
      const org = await sendGroup();
      expect((await getIncidentImpact(acme.viewer, org.incidentId)).journeys[0]?.degradation).toBe(40);
      const own = await sendGroup({ alertDegradation: { SEV2: 60 } });
      expect((await getIncidentImpact(acme.viewer, own.incidentId)).journeys[0]?.degradation).toBe(60);
      const refused = await updateIntegration(acme.admin, own.integration.id, { alertDegradation: { SEV2: 120 } }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ name: "ZodError" });
    } finally {
      await db().organization.update({ where: { id: acme.id }, data: { alertDegradation: {} } });
    }
  });

  it("a warning (SEV3) is not page-worthy: an estimate of 10%, no suggested commander", async () => {
    const body = groupOfTwo()
      .replaceAll('"severity": "critical"', '"severity": "warning"')
      .replaceAll('"severity":"critical"', '"severity":"warning"');
    const { incidentId } = await sendGroup({}, body);
    const incident = await getIncident(acme.viewer, incidentId);
    expect(incident.severity).toBe("SEV3");
    expect(incident.suggestedCommander).toBeNull();
    expect((await getIncidentImpact(acme.viewer, incidentId)).journeys.map((j) => j.degradation)).toEqual([10, 10]);
  });
});

describe("Datadog with its own documented variable names", () => {
  it("opens an incident on the service named by the service: tag, titled without the [Triggered on …] prefix, with money at stake", async () => {
    const { integration, secret } = await createIntegration(acme.admin, { kind: "datadog", name: "Datadog prod" });
    const body = JSON.stringify({
      ...(JSON.parse(fixture("datadog-standard-variables.json")) as object),
      date: String(Date.now() - 30_000),
    });
    const res = await callRoute<{ integrationId: string }>(webhookRoute.POST, {
      method: "POST",
      path: `/api/webhooks/${integration.id}`,
      params: { integrationId: integration.id },
      headers: { "x-warroom-secret": secret },
      body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const incidentId = (res.body as IngestResult).incidents[0]?.id ?? "";
    const incident = await getIncident(acme.viewer, incidentId);
    expect(incident).toMatchObject({ title: "Payment gateway adapter authorisation errors above 10%", severity: "SEV1" });
    expect(incident.summary).not.toContain("%%%");
    expect(incident.services.map((s) => s.id)).toEqual([gatewayId]);
    expect((await getIncidentImpact(acme.viewer, incidentId)).journeys.map((j) => [j.journey, j.degradation, j.estimated])).toEqual([
      ["checkout", 50, true],
      ["payment", 50, true],
    ]);
  });
});

describe("an alert whose service Warroom does not know", () => {
  it("keeps PagerDuty's teams, assignees and escalation policy on the entry and suggests the named team's on-call person", async () => {
    const email = (await db().user.findUniqueOrThrow({ where: { id: acme.commander.userId } })).email;
    const team = await createTeam(acme.admin, { name: "Engineering", onCall: [email] });
    const { integration, secret } = await createIntegration(acme.admin, { kind: "pagerduty", name: "PagerDuty" });
    const { pagerDutySignature } = await import("../../lib/integrations/verify-webhook.ts");
    const body = fixture("pagerduty-triggered.json");
    const res = await callRoute<{ integrationId: string }>(webhookRoute.POST, {
      method: "POST",
      path: `/api/webhooks/${integration.id}`,
      params: { integrationId: integration.id },
      headers: { "x-pagerduty-signature": pagerDutySignature(secret, body) },
      body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const incidentId = (res.body as IngestResult).incidents[0]?.id ?? "";
    const incident = await getIncident(acme.viewer, incidentId);
    expect(incident.services).toEqual([]); // "Inventory sync" is not in this catalog
    expect(incident.suggestedCommander?.id).toBe(acme.commander.userId);
    const entry = await db().timelineEvent.findFirstOrThrow({ where: { incidentId, kind: "alert" } });
    expect(entry.data).toMatchObject({
      owners: { teams: ["Engineering"], people: ["User 123"], escalationPolicy: "Default" },
      team: { id: team.id, name: "Engineering" },
    });
  });
});
