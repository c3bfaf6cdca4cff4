import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createService } from "../../lib/catalog/create-service.ts";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { db } from "../../lib/db/client.ts";
import { getIncidentBlastRadius } from "../../lib/incidents/get-blast-radius.ts";
import { getIncidentOrThrow } from "../../lib/incident-record/get-incident.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { ingestWebhook } from "../../lib/integrations/ingest-webhook.ts";
import { createIntegration } from "../../lib/integrations/create-integration.ts";
import { pagerDutySignature } from "../../lib/integrations/verify-webhook.ts";
import { listDeliveries } from "../../lib/outbound/list-deliveries.ts";
import { DEFAULT_OUTBOUND_CONFIG } from "../../lib/outbound/outbound-config.ts";
import { startOutboundSender, type OutboundSender } from "../../lib/outbound/start-outbound-sender.ts";
import { recordPageAttempt } from "../../lib/paging/record-page-attempt.ts";
import { escalateDuePages } from "../../lib/paging/escalate-due-pages.ts";
import { pageTeam } from "../../lib/paging/page-team.ts";
import { getPagingRoute } from "../../lib/paging/get-paging-route.ts";
import { sendTestPage } from "../../lib/paging/send-test-page.ts";
import { setPagingRoute } from "../../lib/paging/set-paging-route.ts";
import { setPagingSettings } from "../../lib/paging/set-paging-settings.ts";
import { listEvents } from "../../lib/timeline/list-events.ts";
import { appErrorOf } from "../helpers/app-error.ts";
import type { AppError } from "../../lib/errors/app-error.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { startHttpReceiver, type HttpReceiver } from "../helpers/http-receiver.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/paging", name), "utf8");
const ROUTING_KEY = "e93facc04764012d7bfb002500d5d1a6";
const OPSGENIE_KEY = "eb243592-faa2-4ba2-a551q-1afdf565c889".replace("q", "");

let testDb: TestDatabase;
let receiver: HttpReceiver<Record<string, unknown>>;
let base: string;
let org: SeededOrganization;
let other: SeededOrganization;
const senders: OutboundSender[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  // Unless a test sets a behaviour for the path: PagerDuty's or Opsgenie's 202.
  receiver = await startHttpReceiver({
    parse: (text) => JSON.parse(text || "{}") as Record<string, unknown>,
    answer: (p, res) =>
      res
        .writeHead(202, { "content-type": "application/json" })
        .end(p.startsWith("/og") ? fixture("opsgenie-create-accepted.json") : fixture("pagerduty-enqueue-accepted.json")),
  });
  ({ base } = receiver);
  // The vendors' base URLs, pointed at the local receiver (as PAGERDUTY_EVENTS_URL / OPSGENIE_API_URL would be).
  process.env.PAGERDUTY_EVENTS_URL = `${base}/pd/v2/enqueue`;
  process.env.OPSGENIE_API_URL = `${base}/og`;
  org = await seedOrganization("Paging Retail");
  other = await seedOrganization("Other Retail");
});

afterEach(async () => {
  await Promise.all(senders.splice(0).map((s) => s.stop()));
  receiver.behaviour.clear();
  await db().outboundDelivery.updateMany({ where: { status: "pending" }, data: { status: "failed", lastError: "test cleanup" } });
});

afterAll(async () => {
  delete process.env.PAGERDUTY_EVENTS_URL;
  delete process.env.OPSGENIE_API_URL;
  await receiver.close();
  await testDb.close();
});

function sender(): OutboundSender {
  const s = startOutboundSender(
    { ...DEFAULT_OUTBOUND_CONFIG, tickMs: 50, timeoutMs: 2_000, backoffMs: 20, backoffMaxMs: 100, maxAttempts: 5 },
    { onPageAttempt: recordPageAttempt },
  );
  senders.push(s);
  return s;
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 8_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const hits = (p: string) => receiver.hits(p);
let tagCount = 0;

/** A team owning a service, an incident with it impacted, and the team's route. */
async function scene(route: Record<string, unknown>, severity: "SEV1" | "SEV2" = "SEV1", onCall: string[] = []) {
  const tag = ++tagCount;
  const team = await createTeam(org.admin, { name: `Payments ${tag}`, onCall });
  const service = await createService(org.admin, {
    name: `Payment gateway ${tag}`,
    teamId: team.id,
    kind: "payment",
    tier: 1,
    journeys: ["payment"],
  });
  const incident = await seedIncident(org.commander, { title: "Card payments declined at checkout", severity });
  await setImpactedServices(org.commander, incident.id, { serviceIds: [service.id] });
  const { route: saved } = await setPagingRoute(org.commander, team.id, route);
  return { team, service, incident, route: saved };
}

const pdPath = "/pd/v2/enqueue";

/** Refused with `code`, and (when given) a message matching `pattern`. */
async function expectAppError(promise: Promise<unknown>, code: AppError["code"], pattern?: RegExp): Promise<void> {
  const error = await appErrorOf(promise);
  expect(error.code, error.message).toBe(code);
  if (pattern) expect(error.message).toMatch(pattern);
}

describe("PagerDuty", () => {
  it("pages in Events API v2 format, retries a 503 with the same dedup key, and records who paged", async () => {
    let seen = 0;
    receiver.behaviour.set(pdPath, (_n, res) =>
      seen++ === 0 ? res.writeHead(503).end("upstream busy") : res.writeHead(202).end(fixture("pagerduty-enqueue-accepted.json")),
    );
    const { team, incident } = await scene({ kind: "pagerduty", key: ROUTING_KEY });
    sender();
    const before = hits(pdPath).length;

    const { page, entries } = await pageTeam(org.responder, incident.id, { teamId: team.id, reason: "gateway 502s since 14:03" });
    expect(page).toMatchObject({ status: "triggered", kind: "pagerduty", team: { id: team.id }, pagedBy: { id: org.responder.userId } });
    expect(entries[0]).toMatchObject({
      kind: "notification",
      author: { id: org.responder.userId },
      data: { channel: "pager", teamId: team.id, target: team.name, acknowledgedAt: null },
    });

    const delivered = await until(
      () => db().outboundDelivery.findFirst({ where: { pageId: page.id } }),
      (d) => d?.status === "delivered",
    );
    expect(delivered).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 202 });
    const [first, retry] = hits(pdPath).slice(before);
    expect(retry?.body).toEqual(first?.body);
    expect(first?.body).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: "trigger",
      dedup_key: `warroom-${incident.id}-${team.id}`,
      payload: {
        severity: "critical",
        source: "Warroom",
        group: team.name,
        summary: expect.stringContaining(`${incident.ref} Card payments declined at checkout: gateway 502s since 14:03`) as unknown,
      },
      client: "Warroom",
      client_url: expect.stringContaining(`/incidents/${incident.id}`) as unknown,
      links: [{ href: expect.stringContaining(`/incidents/${incident.id}`) as unknown }],
    });
    // The key is added at send time: the stored payload and the log never hold it.
    expect(JSON.stringify(delivered?.payload)).not.toContain(ROUTING_KEY);

    // The room's "Teams to tell" reads the same record as "Mark told".
    const radius = await getIncidentBlastRadius(org.viewer, incident.id);
    expect(radius.teams.find((t) => t.team.id === team.id)?.notification).toMatchObject({
      channel: "pager",
      by: { id: org.responder.userId },
      acknowledgedAt: null,
    });
  });

  it("refuses a second page while one is open, and escalates when asked (same dedup key)", async () => {
    const { team, incident } = await scene({ kind: "pagerduty", key: ROUTING_KEY });
    sender();
    await pageTeam(org.commander, incident.id, { teamId: team.id, reason: "first" });
    await expectAppError(
      pageTeam(org.responder, incident.id, { teamId: team.id }),
      "conflict",
      /Already paged .* 0 min ago, not acknowledged — escalate\?/,
    );
    const { page, entries } = await pageTeam(org.responder, incident.id, { team: team.name.toUpperCase(), escalate: true });
    expect(page.escalations).toBe(1);
    expect(entries[0]?.body).toMatch(/again \(escalation 1\), escalated by/);
    const sent = await until(
      async () => hits(pdPath).filter((r) => r.body.dedup_key === page.dedupKey),
      (list) => list.length >= 2,
    );
    expect(sent).toHaveLength(2);
    expect(await db().page.count({ where: { incidentId: incident.id } })).toBe(1);
  });

  it("a 400 (bad routing key) is not retried and shows on the team at once; the log keeps PagerDuty's answer", async () => {
    receiver.behaviour.set(pdPath, (_n, res) =>
      res.writeHead(400, { "content-type": "application/json" }).end(fixture("pagerduty-enqueue-invalid.json")),
    );
    const { team, incident } = await scene({ kind: "pagerduty", key: ROUTING_KEY });
    sender();
    const { page } = await pageTeam(org.commander, incident.id, { teamId: team.id });
    const failed = await until(
      () => db().page.findUniqueOrThrow({ where: { id: page.id } }),
      (p) => p.status === "failed",
    );
    expect(failed).toMatchObject({
      status: "failed",
      lastStatusCode: 400,
      lastError: expect.stringContaining("Length of 'routing_key' is incorrect") as unknown,
    });
    const delivery = await db().outboundDelivery.findFirstOrThrow({ where: { pageId: page.id } });
    expect(delivery).toMatchObject({ status: "failed", attempts: 1, lastStatusCode: 400 });
    const log = await listDeliveries(org.admin, { channelId: delivery.channelId });
    expect(log.deliveries.find((d) => d.id === delivery.id)).toMatchObject({
      event: "page.trigger",
      channel: { kind: "pagerduty", name: `Paging ${team.name}` },
      lastError: expect.stringContaining("invalid event") as unknown,
    });
    const { events } = await listEvents(org.viewer, incident.id, {});
    expect(events.some((e) => e.kind === "amendment" && e.body.includes(`PagerDuty refused the page to ${team.name}: HTTP 400`))).toBe(
      true,
    );
    // A refused page can be sent again (after fixing the key).
    receiver.behaviour.clear();
    await expect(pageTeam(org.commander, incident.id, { teamId: team.id })).resolves.toMatchObject({ page: { status: "triggered" } });
  });

  it("429 is retried with back-off until PagerDuty takes it", async () => {
    let seen = 0;
    receiver.behaviour.set(pdPath, (_n, res) =>
      seen++ < 2
        ? res.writeHead(429, { "retry-after": "0" }).end(fixture("pagerduty-enqueue-throttled.json"))
        : res.writeHead(202).end(fixture("pagerduty-enqueue-accepted.json")),
    );
    const { team, incident } = await scene({ kind: "pagerduty", key: ROUTING_KEY });
    sender();
    const { page } = await pageTeam(org.commander, incident.id, { teamId: team.id });
    const delivery = await until(
      () => db().outboundDelivery.findFirstOrThrow({ where: { pageId: page.id } }),
      (d) => d.status === "delivered",
    );
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3 });
    // The page row is updated after the delivery row (the sender stores the attempt, then tells
    // paging), so wait for it rather than reading it in the gap between the two.
    const cleared = await until(
      () => db().page.findUniqueOrThrow({ where: { id: page.id } }),
      (p) => p.lastError === "",
    );
    expect(cleared).toMatchObject({ lastError: "", status: "triggered", lastStatusCode: 202 });
  });

  it("incident.acknowledged from PagerDuty's webhook marks the team acknowledged by the person; resolving resolves the page", async () => {
    const { team, incident } = await scene({ kind: "pagerduty", key: ROUTING_KEY });
    sender();
    const { page } = await pageTeam(org.commander, incident.id, { teamId: team.id });
    const { integration, secret } = await createIntegration(org.admin, { kind: "pagerduty", name: `PagerDuty ${incident.id}` });
    const raw = fixture("pagerduty-incident-acknowledged.json").replace("REPLACED-BY-THE-TEST", page.dedupKey);
    const result = await ingestWebhook(integration.id, {
      headers: new Headers({ "x-pagerduty-signature": pagerDutySignature(secret, raw) }),
      rawBody: raw,
      query: new URLSearchParams(),
    });
    // The alert ingest is unchanged: an acknowledgement opens nothing.
    expect(result).toMatchObject({ received: 0, ignored: 1, opened: 0 });

    const acked = await db().page.findUniqueOrThrow({ where: { id: page.id } });
    expect(acked).toMatchObject({ status: "acknowledged", acknowledgedBy: "Tenex Engineer via PagerDuty", nextEscalationAt: null });
    const radius = await getIncidentBlastRadius(org.viewer, incident.id);
    expect(radius.teams.find((t) => t.team.id === team.id)?.notification).toMatchObject({
      acknowledgedAt: "2026-11-27T14:06:41.069Z",
      data: { acknowledgedBy: "Tenex Engineer via PagerDuty" },
    });
    await expectAppError(
      pageTeam(org.commander, incident.id, { teamId: team.id }),
      "conflict",
      /already acknowledged \(Tenex Engineer via PagerDuty\)/,
    );

    await updateIncident(org.commander, incident.id, { status: "resolved" });
    const resolve = await until(
      async () => hits(pdPath).filter((r) => r.body.dedup_key === page.dedupKey && r.body.event_action === "resolve"),
      (l) => l.length >= 1,
    );
    expect(resolve[0]?.body).toEqual({ routing_key: ROUTING_KEY, event_action: "resolve", dedup_key: page.dedupKey });
    expect((await db().page.findUniqueOrThrow({ where: { id: page.id } })).status).toBe("resolved");
  });

  it("the first answer to a page acknowledges an incident an alert opened (MTTA), never before it started; a person's acknowledgement stays", async () => {
    const ackOf = async (startedAt: string, acknowledgedAt: Date | null) => {
      const { team, incident } = await scene({ kind: "pagerduty", key: ROUTING_KEY });
      // As the alert ingest opens an incident: started and detected when the alert fired, nobody's acknowledgement yet.
      await db().incident.update({
        where: { id: incident.id },
        data: { startedAt: new Date(startedAt), detectedAt: new Date(startedAt), acknowledgedAt },
      });
      const { page } = await pageTeam(org.commander, incident.id, { teamId: team.id });
      const { integration, secret } = await createIntegration(org.admin, { kind: "pagerduty", name: `PagerDuty MTTA ${incident.id}` });
      const raw = fixture("pagerduty-incident-acknowledged.json").replace("REPLACED-BY-THE-TEST", page.dedupKey);
      await ingestWebhook(integration.id, {
        headers: new Headers({ "x-pagerduty-signature": pagerDutySignature(secret, raw) }),
        rawBody: raw,
        query: new URLSearchParams(),
      });
      const { events } = await listEvents(org.viewer, incident.id, {});
      return {
        incident: await getIncidentOrThrow(org.viewer, incident.id),
        said: events.filter((e) => e.kind === "amendment").map((e) => e.body),
      };
    };
    // PagerDuty's example acknowledgement is at 14:06:41.069Z on 2026-11-27.
    const opened = await ackOf("2026-11-27T14:01:00.000Z", null);
    expect(opened.incident.acknowledgedAt).toBe("2026-11-27T14:06:41.069Z");
    expect(opened.said.some((b) => b.includes("acknowledged the page") && b.includes("the incident is acknowledged"))).toBe(true);
    // A vendor clock ahead of ours: never acknowledged before the incident was detected.
    const early = await ackOf("2026-11-27T14:10:00.000Z", null);
    expect(early.incident.acknowledgedAt).toBe("2026-11-27T14:10:00.000Z");
    // A person acknowledged first (declared it): their time stays.
    const byPerson = await ackOf("2026-11-27T14:01:00.000Z", new Date("2026-11-27T14:02:00.000Z"));
    expect(byPerson.incident.acknowledgedAt).toBe("2026-11-27T14:02:00.000Z");
    expect(byPerson.said.some((b) => b.includes("the incident is acknowledged"))).toBe(false);
  });

  it("an acknowledgement for another organisation's key, or a key that is not ours, changes nothing", async () => {
    const { team, incident } = await scene({ kind: "pagerduty", key: ROUTING_KEY });
    const { page } = await pageTeam(org.commander, incident.id, { teamId: team.id });
    const { integration, secret } = await createIntegration(other.admin, { kind: "pagerduty", name: "Other PD" });
    const raw = fixture("pagerduty-incident-acknowledged.json").replace("REPLACED-BY-THE-TEST", page.dedupKey);
    await ingestWebhook(integration.id, {
      headers: new Headers({ "x-pagerduty-signature": pagerDutySignature(secret, raw) }),
      rawBody: raw,
      query: new URLSearchParams(),
    });
    expect((await db().page.findUniqueOrThrow({ where: { id: page.id } })).status).toBe("triggered");
  });
});

describe("Opsgenie", () => {
  it("creates an alert with alias, priority and responders; Acknowledge comes back; resolving closes it by alias", async () => {
    const { team, incident } = await scene(
      { kind: "opsgenie", key: OPSGENIE_KEY, responders: [{ type: "team", name: "Fulfilment" }] },
      "SEV2",
    );
    sender();
    const { page } = await pageTeam(org.responder, incident.id, { teamId: team.id, reason: "orders stuck" });
    const [create] = await until(
      async () => hits("/og/v2/alerts"),
      (l) => l.length >= 1,
    );
    expect(create?.headers.authorization).toBe(`GenieKey ${OPSGENIE_KEY}`);
    expect(create?.body).toMatchObject({
      alias: page.dedupKey,
      priority: "P2",
      source: "Warroom",
      responders: [{ type: "team", name: "Fulfilment" }],
      details: { incident: incident.ref, team: team.name },
    });
    expect(String(create?.body.message).length).toBeLessThanOrEqual(130);

    const { integration, secret } = await createIntegration(org.admin, { kind: "opsgenie", name: `Opsgenie ${incident.id}` });
    const raw = fixture("opsgenie-acknowledge.json").replace("REPLACED-BY-THE-TEST", page.dedupKey);
    await ingestWebhook(integration.id, {
      headers: new Headers({ "x-warroom-secret": secret }),
      rawBody: raw,
      query: new URLSearchParams(),
    });
    expect(await db().page.findUniqueOrThrow({ where: { id: page.id } })).toMatchObject({
      status: "acknowledged",
      acknowledgedBy: "john.doe@opsgenie.com via Opsgenie",
    });

    await updateIncident(org.commander, incident.id, { status: "resolved" });
    const closePath = `/og/v2/alerts/${encodeURIComponent(page.dedupKey)}/close?identifierType=alias`;
    const [close] = await until(
      async () => hits(closePath),
      (l) => l.length >= 1,
    );
    expect(close?.headers.authorization).toBe(`GenieKey ${OPSGENIE_KEY}`);
    expect(close?.body).toMatchObject({ source: "Warroom" });
  });

  it("401 from Opsgenie is final and shown on the team", async () => {
    receiver.behaviour.set("/og/v2/alerts", (_n, res) => res.writeHead(401).end(fixture("opsgenie-unauthorized.json")));
    const { team, incident } = await scene({ kind: "opsgenie", key: OPSGENIE_KEY });
    sender();
    const { page } = await pageTeam(org.commander, incident.id, { teamId: team.id });
    const failed = await until(
      () => db().page.findUniqueOrThrow({ where: { id: page.id } }),
      (p) => p.status === "failed",
    );
    expect(failed.lastError).toContain("Could not authenticate");
    expect(await db().outboundDelivery.findFirstOrThrow({ where: { pageId: page.id } })).toMatchObject({ attempts: 1, status: "failed" });
  });
});

describe("escalation", () => {
  it("pages the next contact when nobody acknowledged within N minutes (injected clock), each step a timeline entry", async () => {
    const t0 = new Date("2026-11-27T14:00:00Z");
    const { team, incident } = await scene(
      { kind: "pagerduty", key: ROUTING_KEY, escalateAfterMinutes: 5, escalation: "next_contact" },
      "SEV1",
      ["ana@acme.test", "bo@acme.test", "cy@acme.test"],
    );
    const { page } = await pageTeam(org.commander, incident.id, { teamId: team.id }, t0);
    expect(page.nextEscalationAt).toBe("2026-11-27T14:05:00.000Z");

    expect(await escalateDuePages(() => new Date("2026-11-27T14:04:59Z"))).toBe(0);
    expect(await escalateDuePages(() => new Date("2026-11-27T14:05:30Z"))).toBeGreaterThanOrEqual(1);
    const after = await db().page.findUniqueOrThrow({ where: { id: page.id } });
    expect(after).toMatchObject({ escalations: 1, nextEscalationAt: new Date("2026-11-27T14:10:30Z") });
    const { events } = await listEvents(org.viewer, incident.id, {});
    const step = events.find((e) => e.seq === after.eventSeq);
    expect(step).toMatchObject({
      kind: "notification",
      author: null,
      body: `Escalated: paged bo@acme.test (next for ${team.name}), not acknowledged within 5 min`,
      data: { channel: "pager", teamId: team.id },
    });
    const queued = await db().outboundDelivery.findMany({ where: { pageId: page.id }, orderBy: { createdAt: "asc" } });
    expect(queued.map((d) => d.event)).toEqual(["page.trigger", "page.escalate"]);
    expect(queued[1]?.payload).toMatchObject({
      dedup_key: page.dedupKey,
      payload: { custom_details: { contact: "bo@acme.test", escalation: 1 } },
    });

    // Acknowledged: no more steps.
    await db().page.update({ where: { id: page.id }, data: { status: "acknowledged" } });
    expect(await escalateDuePages(() => new Date("2026-11-27T15:00:00Z"))).toBe(0);
  });

  it("pages the escalation team's own route", async () => {
    const t0 = new Date("2026-11-27T15:00:00Z");
    const backup = await createTeam(org.admin, { name: `Platform ${++tagCount}` });
    await setPagingRoute(org.admin, backup.id, { kind: "pagerduty", key: ROUTING_KEY });
    const { team, incident } = await scene({
      kind: "pagerduty",
      key: ROUTING_KEY,
      escalateAfterMinutes: 10,
      escalation: "team",
      escalationTeamId: backup.id,
    });
    await pageTeam(org.commander, incident.id, { teamId: team.id }, t0);
    await escalateDuePages(() => new Date("2026-11-27T15:10:00Z"));
    const backupPage = await db().page.findUniqueOrThrow({ where: { incidentId_teamId: { incidentId: incident.id, teamId: backup.id } } });
    expect(backupPage).toMatchObject({ status: "triggered", pagedById: null, dedupKey: `warroom-${incident.id}-${backup.id}` });
    const { events } = await listEvents(org.viewer, incident.id, {});
    expect(events.find((e) => e.seq === backupPage.eventSeq)?.body).toBe(
      `Escalated to ${backup.name}: ${team.name} not acknowledged within 10 min`,
    );
  });
});

describe("routes and permissions", () => {
  it("never shows the key again; responders cannot set routes; viewers cannot page; bad input names the field", async () => {
    const { team, incident } = await scene({ kind: "pagerduty", key: ROUTING_KEY });
    const { route } = await getPagingRoute(org.viewer, team.id);
    expect(route).toMatchObject({ kind: "pagerduty", hasKey: true });
    expect(JSON.stringify(route)).not.toContain(ROUTING_KEY);
    await expectAppError(setPagingRoute(org.responder, team.id, { kind: "pagerduty", key: ROUTING_KEY }), "forbidden");
    await expectAppError(pageTeam(org.viewer, incident.id, { teamId: team.id }), "forbidden");
    await expectAppError(setPagingRoute(org.admin, team.id, { kind: "opsgenie" }), "validation_failed", /key/);
    await expectAppError(
      setPagingRoute(org.admin, team.id, { kind: "pagerduty", key: "short-key-123" }),
      "validation_failed",
      /32 characters/,
    );
    await expectAppError(
      setPagingRoute(org.admin, team.id, { kind: "webhook", url: "http://169.254.169.254/latest" }),
      "validation_failed",
      /link-local/,
    );
    // Another organisation cannot see the team, page it, or page into this incident.
    await expectAppError(getPagingRoute(other.admin, team.id), "not_found");
    await expectAppError(pageTeam(other.admin, incident.id, { teamId: team.id }), "not_found");
    const untouched = await createTeam(org.admin, { name: `No route ${++tagCount}` });
    await expectAppError(pageTeam(org.commander, incident.id, { teamId: untouched.id }), "validation_failed", /has no paging route/);
    expect(await db().page.count({ where: { incidentId: incident.id } })).toBe(0);
  });

  it("a signed page webhook is signed like the webhook channels; test page and its cancel use one key", async () => {
    const team = await createTeam(org.admin, { name: `GoAlert ${++tagCount}` });
    const { secret } = await setPagingRoute(org.admin, team.id, { kind: "webhook", url: `${base}/goalert` });
    expect(secret).toMatch(/^whsec_/);
    sender();
    await sendTestPage(org.commander, team.id);
    await sendTestPage(org.commander, team.id, { cancel: true });
    // Both may be in flight at once: find each by its type, not by arrival order.
    const both = await until(
      async () => hits("/goalert"),
      (l) => l.length >= 2,
    );
    const test = both.find((r) => r.body.type === "page.test");
    const cancel = both.find((r) => r.body.type === "page.resolve");
    expect(test?.body.dedupKey).toMatch(/^warroom-test-/);
    expect(cancel?.body.dedupKey).toBe(test?.body.dedupKey);
    const ts = String(test?.headers["x-warroom-timestamp"]);
    const expected = `v1=${createHmac("sha256", secret ?? "")
      .update(`${ts}.${JSON.stringify(test?.body)}`)
      .digest("hex")}`;
    expect(test?.headers["x-warroom-signature"]).toBe(expected);
  });
});

describe("SEV1 auto-page", () => {
  it("is off by default; when on, a SEV1 pages the owning team of an impacted service once, as the system", async () => {
    const tag = ++tagCount;
    const team = await createTeam(org.admin, { name: `Checkout ${tag}` });
    const service = await createService(org.admin, {
      name: `Checkout API ${tag}`,
      teamId: team.id,
      kind: "api",
      tier: 1,
      journeys: ["checkout"],
    });
    await setPagingRoute(org.admin, team.id, { kind: "pagerduty", key: ROUTING_KEY });

    const quiet = await seedIncident(org.commander, { title: "Checkout down (setting off)", severity: "SEV1" });
    await setImpactedServices(org.commander, quiet.id, { serviceIds: [service.id] });
    expect(await db().page.count({ where: { incidentId: quiet.id } })).toBe(0);

    await expectAppError(setPagingSettings(org.commander, { sev1AutoPage: true }), "forbidden");
    await expectAppError(setPagingSettings(org.admin, { sev1AutoPage: "yes" }), "validation_failed", /sev1AutoPage/);
    await setPagingSettings(org.admin, { sev1AutoPage: true });
    try {
      const sev2 = await seedIncident(org.commander, { title: "Checkout slow", severity: "SEV2" });
      await setImpactedServices(org.commander, sev2.id, { serviceIds: [service.id] });
      expect(await db().page.count({ where: { incidentId: sev2.id } })).toBe(0);
      // Raised to SEV1: now it pages.
      await updateIncident(org.commander, sev2.id, { severity: "SEV1" });
      const page = await db().page.findUniqueOrThrow({ where: { incidentId_teamId: { incidentId: sev2.id, teamId: team.id } } });
      expect(page).toMatchObject({ status: "triggered", pagedById: null, reason: `SEV1 with ${service.name} impacted` });
      // Changing the impacted set again does not page twice.
      await setImpactedServices(org.commander, sev2.id, { serviceIds: [] });
      await setImpactedServices(org.commander, sev2.id, { serviceIds: [service.id] });
      expect(await db().page.count({ where: { incidentId: sev2.id } })).toBe(1);
      expect(await db().outboundDelivery.count({ where: { pageId: page.id } })).toBe(1);
    } finally {
      await setPagingSettings(org.admin, { sev1AutoPage: false });
    }
  });
});
