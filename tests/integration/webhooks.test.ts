import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as integrationRoute from "../../app/api/integrations/[id]/route.ts";
import * as integrationsRoute from "../../app/api/integrations/route.ts";
import * as webhookRoute from "../../app/api/webhooks/[integrationId]/route.ts";
import { db } from "../../lib/db/client.ts";
import type { IngestResult } from "../../lib/integrations/ingest-webhook.ts";
import type { IntegrationDto, RecentAlertDto } from "../../lib/integrations/integration-dto.ts";
import type { IntegrationKindName } from "../../lib/integrations/kinds.ts";
import { createIntegration } from "../../lib/integrations/create-integration.ts";
import { pagerDutySignature } from "../../lib/integrations/verify-webhook.ts";
import { callRoute } from "../helpers/call-route.ts";
import { withRealtimeServer, type RealtimeTestBed } from "../helpers/realtime-server.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { connected, nextEvent } from "../helpers/socket-client.ts";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/webhooks", name), "utf8");

let realtime: RealtimeTestBed;
let acme: SeededOrganization;
let globex: SeededOrganization;
const services: Record<string, string> = {};

beforeAll(async () => {
  realtime = await withRealtimeServer();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
  const team = await db().team.create({ data: { organizationId: acme.id, name: "Checkout" } });
  for (const name of ["Checkout API", "Payment gateway adapter", "Inventory sync", "Order management", "Search API", "Product feed"]) {
    services[name] = (await db().service.create({ data: { organizationId: acme.id, teamId: team.id, name } })).id;
  }
});

afterAll(() => realtime.close());

interface Made {
  integration: IntegrationDto;
  secret: string;
}
let counter = 0;
const make = (org: SeededOrganization, kind: IntegrationKindName, extra: Record<string, unknown> = {}): Promise<Made> =>
  createIntegration(org.admin, { kind, name: `${kind} ${++counter}`, ...extra });

/** The headers each source sends its secret in. */
function authHeaders(kind: IntegrationKindName, secret: string, body: string): Record<string, string> {
  if (kind === "pagerduty") return { "x-pagerduty-signature": pagerDutySignature(secret, body) };
  if (kind === "alertmanager" || kind === "grafana") return { authorization: `Bearer ${secret}` };
  return { "x-warroom-secret": secret };
}

function post(id: string, body: string, headers: Record<string, string>, query = "") {
  return callRoute<{ integrationId: string }>(webhookRoute.POST, {
    method: "POST",
    path: `/api/webhooks/${id}${query}`,
    params: { integrationId: id },
    headers,
    body,
  });
}

const send = (made: Made, body: string) => post(made.integration.id, body, authHeaders(made.integration.kind, made.secret, body));

async function sendOk(made: Made, body: string): Promise<IngestResult> {
  const res = await send(made, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as IngestResult;
}

/** Everything a webhook could have stored, to prove a refused one stored nothing. */
async function footprint(orgId: string) {
  const [incidents, alerts, deliveries, events] = await Promise.all([
    db().incident.count({ where: { organizationId: orgId } }),
    db().integrationAlert.count({ where: { integration: { organizationId: orgId } } }),
    db().webhookDelivery.count({ where: { integration: { organizationId: orgId } } }),
    db().timelineEvent.count({ where: { incident: { organizationId: orgId } } }),
  ]);
  return { incidents, alerts, deliveries, events };
}

async function timeline(incidentId: string) {
  return db().timelineEvent.findMany({
    where: { incidentId },
    orderBy: { seq: "asc" },
    select: { seq: true, kind: true, body: true, data: true, authorId: true },
  });
}

async function incidentFor(integrationId: string, dedupKey: string) {
  const row = await db().integrationAlert.findUniqueOrThrow({ where: { integrationId_dedupKey: { integrationId, dedupKey } } });
  const incident = row.incidentId
    ? await db().incident.findUniqueOrThrow({ where: { id: row.incidentId }, include: { services: { include: { service: true } } } })
    : null;
  return { row, incident };
}

describe("each source's published payload", () => {
  it("Alertmanager with grouping off: one incident per fingerprint, service from the label, severity from the rule, alert first", async () => {
    const am = await make(acme, "alertmanager", { groupAlerts: false });
    const result = await sendOk(am, fixture("alertmanager-firing.json"));
    // The file's first request warms the database up: on a loaded machine the second alert may
    // be applied just after the answer (deferred) rather than before it; either way, two incidents.
    expect(result).toMatchObject({ received: 2, appended: 0, repeats: 0, duplicate: false });
    expect(result.opened + result.deferred).toBe(2);
    await expect
      .poll(async () => (await incidentFor(am.integration.id, "b2c3d4e5f6071829")).incident?.id, { timeout: 10_000 })
      .toBeTruthy();
    const { row, incident } = await incidentFor(am.integration.id, "a1b2c3d4e5f60718");
    expect(row).toMatchObject({ count: 1, lastStatus: "firing", serviceId: services["Checkout API"] });
    expect(incident).toMatchObject({
      title: "Checkout API 5xx rate above 5%",
      severity: "SEV2",
      status: "investigating",
      commanderId: null,
      tags: ["alert:alertmanager"],
    });
    expect(incident?.startedAt.toISOString()).toBe("2025-11-27T14:02:11.357Z");
    expect(incident?.services.map((s) => s.service.name)).toEqual(["Checkout API"]);
    const events = await timeline(incident!.id);
    expect(events.map((e) => [e.seq, e.kind])).toEqual([
      [1, "alert"],
      [2, "status_change"],
      [3, "impact_change"],
    ]);
    expect(events[0]?.body).toMatch(/^Firing: Checkout API 5xx rate above 5%/);
    expect(events[0]?.data).toMatchObject({
      status: "firing",
      source: "alertmanager",
      dedupKey: "a1b2c3d4e5f60718",
      service: { name: "Checkout API" },
    });
    expect(events[0]?.authorId).toBeNull();
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: incident!.id, action: "incident.declare" } });
    expect(audit.actorId).toBeNull();

    // Resolved: an entry on the same incident, which stays open.
    const resolved = await sendOk(am, fixture("alertmanager-resolved.json"));
    expect(resolved).toMatchObject({ received: 1, opened: 0, appended: 1 });
    const after = await incidentFor(am.integration.id, "a1b2c3d4e5f60718");
    expect(after.row).toMatchObject({ count: 2, lastStatus: "resolved", incidentId: incident!.id });
    expect(after.incident).toMatchObject({ status: "investigating", resolvedAt: null });
    const entries = await timeline(incident!.id);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(entries[3]).toMatchObject({ kind: "alert", data: expect.objectContaining({ status: "resolved" }) });
  });

  it.each([
    ["grafana", "grafana-firing.json", "7c3e5c9d0f1a2b34", "Payment gateway adapter", "SEV2"],
    ["pagerduty", "pagerduty-triggered.json", "PGR0VU2", "Inventory sync", "SEV1"],
    ["opsgenie", "opsgenie-create.json", "oms-order-sync-failing", "Order management", "SEV2"],
    ["datadog", "datadog-triggered.json", "9bd4ac313a4d1e8fae2482df7b77628", "Search API", "SEV2"],
    ["pingdom", "pingdom-down.json", "12345", null, "SEV2"],
    ["generic", "generic-firing.json", "product-feed-lag", "Product feed", "SEV3"],
  ] as const)("%s: opens an incident on the mapped service", async (kind, file, key, service, severity) => {
    // Grafana groups by default; its fixture's alert is keyed by fingerprint here.
    const made = await make(acme, kind, kind === "grafana" ? { groupAlerts: false } : {});
    const result = await sendOk(made, fixture(file));
    expect(result).toMatchObject({ received: 1, opened: 1 });
    const { incident } = await incidentFor(made.integration.id, key);
    expect(incident?.severity).toBe(severity);
    expect(incident?.services.map((s) => s.service.name)).toEqual(service ? [service] : []);
    expect((await timeline(incident!.id))[0]?.kind).toBe("alert");
  });

  it.each([
    ["pagerduty", "pagerduty-triggered.json", "pagerduty-resolved.json", "PGR0VU2"],
    ["opsgenie", "opsgenie-create.json", "opsgenie-close.json", "oms-order-sync-failing"],
    ["datadog", "datadog-triggered.json", "datadog-recovered.json", "9bd4ac313a4d1e8fae2482df7b77628"],
    ["pingdom", "pingdom-down.json", "pingdom-up.json", "12345"],
  ] as const)("%s: the recovery appends an entry and leaves the incident open", async (kind, firing, resolved, key) => {
    const made = await make(acme, kind);
    await sendOk(made, fixture(firing));
    expect(await sendOk(made, fixture(resolved))).toMatchObject({ appended: 1, opened: 0 });
    const { incident, row } = await incidentFor(made.integration.id, key);
    expect(row.lastStatus).toBe("resolved");
    expect(incident?.status).toBe("investigating");
    const kinds = (await timeline(incident!.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === "alert")).toHaveLength(2);
  });

  it("ignores events without alert state (a PagerDuty acknowledgement) and stores nothing for them", async () => {
    const pd = await make(acme, "pagerduty");
    const before = await footprint(acme.id);
    expect(await sendOk(pd, fixture("pagerduty-acknowledged.json"))).toMatchObject({ received: 0, ignored: 1 });
    const after = await footprint(acme.id);
    expect({ ...after, deliveries: before.deliveries }).toEqual(before);
  });
});

describe("de-duplication", () => {
  it("counts repeats of a key without writing entries; an entry only when the status changes", async () => {
    const gen = await make(acme, "generic");
    const body = (status: string) =>
      JSON.stringify({ dedupKey: "cart-latency", status, title: "Cart latency above 2 s", service: "checkout api" });
    expect(await sendOk(gen, body("firing"))).toMatchObject({ opened: 1 });
    expect(await sendOk(gen, body("firing"))).toMatchObject({ repeats: 1 });
    expect(await sendOk(gen, body("firing"))).toMatchObject({ repeats: 1 });
    expect(await sendOk(gen, body("resolved"))).toMatchObject({ appended: 1 });
    expect(await sendOk(gen, body("resolved"))).toMatchObject({ repeats: 1 });
    expect(await sendOk(gen, body("firing"))).toMatchObject({ appended: 1 });
    const { row, incident } = await incidentFor(gen.integration.id, "cart-latency");
    expect(row.count).toBe(6);
    const alerts = (await timeline(incident!.id)).filter((e) => e.kind === "alert").map((e) => (e.data as { status: string }).status);
    expect(alerts).toEqual(["firing", "resolved", "firing"]);
  });

  it("opens a new incident when the key fires again after its incident was resolved", async () => {
    const gen = await make(acme, "generic");
    const body = (status: string) => JSON.stringify({ dedupKey: "psp-down", status, title: "PSP down" });
    await sendOk(gen, body("firing"));
    const first = await incidentFor(gen.integration.id, "psp-down");
    await db().incident.update({ where: { id: first.incident!.id }, data: { status: "resolved", resolvedAt: new Date() } });
    // Still firing: the same problem, the commander closed it; counted, no new incident.
    expect(await sendOk(gen, body("firing"))).toMatchObject({ repeats: 1, opened: 0 });
    expect(await sendOk(gen, body("resolved"))).toMatchObject({ recorded: 1 });
    expect(await sendOk(gen, body("firing"))).toMatchObject({ opened: 1 });
    const second = await incidentFor(gen.integration.id, "psp-down");
    expect(second.incident?.id).not.toBe(first.incident?.id);
  });

  it("grouped Alertmanager: the whole notification group is one incident", async () => {
    const am = await make(acme, "alertmanager", { groupAlerts: true });
    expect(await sendOk(am, fixture("alertmanager-firing.json"))).toMatchObject({ received: 1, opened: 1 });
    expect(await sendOk(am, fixture("alertmanager-resolved.json"))).toMatchObject({ received: 1, appended: 1 });
    const rows = await db().integrationAlert.findMany({ where: { integrationId: am.integration.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      dedupKey: '{}/{severity="critical"}:{alertname="CheckoutHighErrorRate"}',
      lastStatus: "resolved",
      count: 2,
      serviceId: services["Checkout API"],
    });
  });

  it("records without opening when the integration does not open incidents", async () => {
    const gen = await make(acme, "generic", { opensIncidents: false });
    const before = await footprint(acme.id);
    expect(await sendOk(gen, JSON.stringify({ dedupKey: "k", title: "Disk 80%" }))).toMatchObject({ recorded: 1, opened: 0 });
    expect((await footprint(acme.id)).incidents).toBe(before.incidents);
    expect((await incidentFor(gen.integration.id, "k")).row.incidentId).toBeNull();
  });

  it("stores a replayed PagerDuty webhook (same event id) once, even when both arrive together", async () => {
    const pd = await make(acme, "pagerduty");
    const body = fixture("pagerduty-triggered.json");
    const [a, b] = await Promise.all([send(pd, body), send(pd, body)]);
    const results = [a.body, b.body] as IngestResult[];
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(await sendOk(pd, body)).toMatchObject({ duplicate: true, opened: 0 });
    expect(await db().webhookDelivery.count({ where: { integrationId: pd.integration.id } })).toBe(1);
    const { row } = await incidentFor(pd.integration.id, "PGR0VU2");
    expect(row.count).toBe(1);
    expect(await db().incident.count({ where: { organizationId: acme.id, alerts: { some: { integrationId: pd.integration.id } } } })).toBe(
      1,
    );
  });

  it("an alert storm of 1,000 alerts over 10 keys opens 10 incidents, not 1,000", async () => {
    const gen = await make(acme, "generic");
    const requests = Array.from({ length: 100 }, (_, r) =>
      JSON.stringify({
        alerts: Array.from({ length: 10 }, (_, i) => ({
          dedupKey: `storm-${(r + i) % 10}`,
          title: `Storm alert ${(r + i) % 10}`,
          service: "Search API",
        })),
      }),
    );
    const started = performance.now();
    const results: IngestResult[] = [];
    for (let i = 0; i < requests.length; i += 10) {
      const batch = await Promise.all(requests.slice(i, i + 10).map((b) => sendOk(gen, b)));
      results.push(...batch);
    }
    const ms = performance.now() - started;
    console.log(
      `alert storm: 1,000 alerts in 100 requests (10 at a time) took ${Math.round(ms)} ms (${(ms / 100).toFixed(1)} ms per request)`,
    );
    expect(results.reduce((n, r) => n + r.received, 0)).toBe(1000);
    // On a loaded machine a batch may pass the answer budget and finish just after (deferred).
    const deferred = results.reduce((n, r) => n + r.deferred, 0);
    expect(results.reduce((n, r) => n + r.opened + r.repeats, 0)).toBe(1000 - deferred);
    expect(results.reduce((n, r) => n + r.opened, 0)).toBeLessThanOrEqual(10);
    const counts = async () => (await db().integrationAlert.findMany({ where: { integrationId: gen.integration.id } })).map((r) => r.count);
    await expect.poll(counts, { timeout: 30_000, interval: 200 }).toEqual(Array(10).fill(100));
    const rows = await db().integrationAlert.findMany({ where: { integrationId: gen.integration.id } });
    expect(new Set(rows.map((r) => r.incidentId)).size).toBe(10);
    const alertEntries = await db().timelineEvent.count({ where: { kind: "alert", incidentId: { in: rows.map((r) => r.incidentId!) } } });
    expect(alertEntries).toBe(10);
  });
  it("one request carrying 200 new keys is answered within its budget; the rest follows right after", async () => {
    const gen = await make(acme, "generic");
    const body = JSON.stringify({
      alerts: Array.from({ length: 200 }, (_, i) => ({ dedupKey: `wide-${i}`, title: `Wide alert ${i}`, service: "Search API" })),
    });
    const started = performance.now();
    const result = await sendOk(gen, body);
    const answered = performance.now() - started;
    const all = async () => db().integrationAlert.count({ where: { integrationId: gen.integration.id, incidentId: { not: null } } });
    await expect.poll(all, { timeout: 60_000, interval: 200 }).toBe(200);
    console.log(
      `200 new alerts in one request: answered in ${Math.round(answered)} ms (${result.opened} opened, ${result.deferred} deferred), all 200 incidents after ${Math.round(performance.now() - started)} ms`,
    );
    expect(result.received).toBe(200);
    expect(result.opened + result.deferred).toBe(200);
  });
});

describe("refused requests store nothing", () => {
  it("401 for a wrong or missing signature or secret", async () => {
    const pd = await make(acme, "pagerduty");
    const am = await make(acme, "alertmanager");
    const gen = await make(acme, "generic");
    const pdBody = fixture("pagerduty-triggered.json");
    const amBody = fixture("alertmanager-firing.json");
    const before = await footprint(acme.id);
    const answers = await Promise.all([
      post(pd.integration.id, pdBody, { "x-pagerduty-signature": pagerDutySignature("not-the-secret-at-all", pdBody) }),
      post(pd.integration.id, pdBody, {}),
      post(pd.integration.id, `${pdBody} `, { "x-pagerduty-signature": pagerDutySignature(pd.secret, pdBody) }),
      post(am.integration.id, amBody, {}),
      post(am.integration.id, amBody, { authorization: `Bearer ${gen.secret}` }),
      post(gen.integration.id, fixture("generic-firing.json"), { "x-warroom-secret": "wrong" }),
      post(gen.integration.id, fixture("generic-firing.json"), {}, "?secret=wrong"),
    ]);
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
    expect((answers[0]?.body as { error: { message: string } }).error.message).toMatch(/X-PagerDuty-Signature/);
    expect(await footprint(acme.id)).toEqual(before);
  });

  it("another organisation's integration with our secret is refused; an unknown id is a 404", async () => {
    const ours = await make(acme, "generic");
    const theirs = await make(globex, "generic");
    const body = fixture("generic-firing.json");
    const before = [await footprint(acme.id), await footprint(globex.id)];
    expect((await post(theirs.integration.id, body, { "x-warroom-secret": ours.secret })).status).toBe(401);
    expect((await post("7f1c1d4e-0000-4000-8000-000000000000", body, { "x-warroom-secret": ours.secret })).status).toBe(404);
    expect((await post("not-a-uuid", body, { "x-warroom-secret": ours.secret })).status).toBe(404);
    expect([await footprint(acme.id), await footprint(globex.id)]).toEqual(before);
  });

  it("413 for a body over 256 KB, before anything is read into the database", async () => {
    const gen = await make(acme, "generic");
    const big = JSON.stringify({ dedupKey: "big", title: "Big", description: "x".repeat(300 * 1024) });
    const before = await footprint(acme.id);
    const res = await send(gen, big);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: "payload_too_large", message: "Request body is larger than 256 KB" } });
    expect(await footprint(acme.id)).toEqual(before);
  });

  it("422 naming the field for a malformed payload, and nothing stored", async () => {
    const am = await make(acme, "alertmanager");
    const before = await footprint(acme.id);
    const res = await send(am, JSON.stringify({ version: "4", alerts: [{ status: "firing", labels: {} }] }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: "validation_failed", details: { fields: [{ field: "alerts.0.fingerprint" }] } } });
    expect((await send(am, "not json")).status).toBe(422);
    expect(await footprint(acme.id)).toEqual(before);
  });
});

describe("live", () => {
  it("pushes the new incident to the organisation and the alert entry to its room", async () => {
    const gen = await make(acme, "generic");
    const client = realtime.client(await sessionCookie(acme.commander.userId));
    try {
      await connected(client);
      const declared = nextEvent(client, "incident:declared", (p) => p.incident.title === "Returns API errors");
      await sendOk(gen, JSON.stringify({ dedupKey: "returns", title: "Returns API errors", severity: "critical" }));
      const { incident } = await declared;
      expect(incident).toMatchObject({ severity: "SEV2", commander: null, status: "investigating" });

      const ack = await client.emitWithAck("incident:join", { incidentId: incident.id });
      if (!ack.ok) throw new Error(ack.error.message);
      const entry = nextEvent(client, "timeline:event", (p) => p.incidentId === incident.id && p.event.kind === "alert");
      await sendOk(gen, JSON.stringify({ dedupKey: "returns", status: "resolved", title: "Returns API errors" }));
      expect((await entry).event).toMatchObject({ seq: ack.lastSeq + 1, body: expect.stringMatching(/^Resolved: Returns API errors/) });
    } finally {
      client.disconnect();
    }
  });
});

describe("managing integrations", () => {
  const asUser = async (userId: string) => ({ cookie: await sessionCookie(userId) });

  it("an admin creates, reads, edits, rotates and deletes; the secret is shown only on creation and rotation", async () => {
    const admin = await asUser(acme.admin.userId);
    const created = await callRoute(integrationsRoute.POST, {
      method: "POST",
      path: "/api/integrations",
      headers: admin,
      body: { kind: "generic", name: "Feed checker", defaultServiceId: services["Product feed"] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { integration, secret } = created.body as Made;
    expect(secret).toMatch(/^whk_[A-Za-z0-9_-]{32}$/);
    expect(integration).toMatchObject({
      kind: "generic",
      webhookPath: `/api/webhooks/${integration.id}`,
      secretHint: secret.slice(-4),
      defaultSeverity: "SEV3",
      opensIncidents: true,
      defaultService: { name: "Product feed" },
    });

    const id = integration.id;
    const params = { id };
    await sendOk({ integration, secret }, JSON.stringify({ dedupKey: "feed", title: "Feed stale" }));
    const got = await callRoute(integrationRoute.GET, { path: `/api/integrations/${id}`, params, headers: admin });
    expect(JSON.stringify(got.body)).not.toContain(secret);
    expect(got.body).toMatchObject({ stats: { keys: 1, received: 1 } });
    expect((got.body as { recentAlerts: RecentAlertDto[] }).recentAlerts[0]).toMatchObject({
      dedupKey: "feed",
      count: 1,
      status: "firing",
      service: { name: "Product feed" },
      incident: { ref: expect.stringMatching(/^INC-/) },
    });

    const patched = await callRoute(integrationRoute.PATCH, {
      method: "PATCH",
      path: `/api/integrations/${id}`,
      params,
      headers: admin,
      body: { severityRules: [{ value: "page", severity: "SEV1" }], serviceLabel: "component", opensIncidents: false },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({
      secret: null,
      integration: { severityRules: [{ value: "page", severity: "SEV1" }], serviceLabel: "component", opensIncidents: false },
    });

    const bad = await callRoute(integrationRoute.PATCH, {
      method: "PATCH",
      path: `/api/integrations/${id}`,
      params,
      headers: admin,
      body: { serviceRules: [{ label: "job", value: "x", serviceId: "7f1c1d4e-0000-4000-8000-000000000000" }], defaultSeverity: "SEV9" },
    });
    expect(bad.status).toBe(422);
    const rotated = await callRoute(integrationRoute.PATCH, {
      method: "PATCH",
      path: `/api/integrations/${id}`,
      params,
      headers: admin,
      body: { rotateSecret: true },
    });
    const fresh = (rotated.body as { secret: string }).secret;
    expect(fresh).toMatch(/^whk_/);
    expect(fresh).not.toBe(secret);
    expect((await post(id, JSON.stringify({ dedupKey: "x", title: "xyz" }), { "x-warroom-secret": secret })).status).toBe(401);
    expect((await post(id, JSON.stringify({ dedupKey: "x", title: "xyz" }), { "x-warroom-secret": fresh })).status).toBe(200);

    const deleted = await callRoute(integrationRoute.DELETE, { method: "DELETE", path: `/api/integrations/${id}`, params, headers: admin });
    expect(deleted.body).toEqual({ deleted: { id, name: "Feed checker" } });
    expect((await post(id, JSON.stringify({ dedupKey: "x", title: "xyz" }), { "x-warroom-secret": fresh })).status).toBe(404);
    const actions = (await db().auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["integration.create", "integration.update", "integration.rotate_secret", "integration.delete"]);
    expect(JSON.stringify(await db().auditLog.findMany({ where: { entityId: id } }))).not.toContain(fresh);
  });

  it("only admins manage integrations; names are unique; other organisations' integrations are 404", async () => {
    const commander = await asUser(acme.commander.userId);
    expect((await callRoute(integrationsRoute.GET, { path: "/api/integrations", headers: commander })).status).toBe(403);
    const post1 = await callRoute(integrationsRoute.POST, {
      method: "POST",
      path: "/api/integrations",
      headers: commander,
      body: { kind: "generic", name: "x" },
    });
    expect(post1.status).toBe(403);
    const admin = await asUser(acme.admin.userId);
    await callRoute(integrationsRoute.POST, {
      method: "POST",
      path: "/api/integrations",
      headers: admin,
      body: { kind: "datadog", name: "Datadog prod" },
    });
    const dup = await callRoute(integrationsRoute.POST, {
      method: "POST",
      path: "/api/integrations",
      headers: admin,
      body: { kind: "generic", name: "datadog PROD" },
    });
    expect(dup).toMatchObject({ status: 422, body: { error: { details: { fields: [{ field: "name" }] } } } });
    const theirs = await make(globex, "generic");
    const got = await callRoute(integrationRoute.GET, {
      path: `/api/integrations/${theirs.integration.id}`,
      params: { id: theirs.integration.id },
      headers: admin,
    });
    expect(got.status).toBe(404);
    const list = await callRoute(integrationsRoute.GET, { path: "/api/integrations", headers: admin });
    expect((list.body as { integrations: IntegrationDto[] }).integrations.some((i) => i.id === theirs.integration.id)).toBe(false);
  });
});
