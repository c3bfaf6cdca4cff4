import { createHmac } from "node:crypto";
import type { ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { addDependency } from "../../lib/catalog/add-dependency.ts";
import { createService } from "../../lib/catalog/create-service.ts";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { db } from "../../lib/db/client.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import { setIncidentRole } from "../../lib/incidents/set-incident-role.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { ingestWebhook } from "../../lib/integrations/ingest-webhook.ts";
import { createIntegration } from "../../lib/integrations/create-integration.ts";
import { deleteChannel } from "../../lib/outbound/delete-channel.ts";
import { updateChannel } from "../../lib/outbound/update-channel.ts";
import { listDeliveries } from "../../lib/outbound/list-deliveries.ts";
import { retryDelivery } from "../../lib/outbound/retry-delivery.ts";
import { sendTestMessage } from "../../lib/outbound/send-test-message.ts";
import { DEFAULT_OUTBOUND_CONFIG, type OutboundConfig } from "../../lib/outbound/outbound-config.ts";
import { describeOutcome } from "../../lib/outbound/attempt-result.ts";
import { postDelivery } from "../../lib/outbound/post-delivery.ts";
import { startOutboundSender, type OutboundSender } from "../../lib/outbound/start-outbound-sender.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { expectAppError } from "../helpers/app-error.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { seedNotificationChannel } from "../helpers/seed-outbound.ts";
import { startHttpReceiver, type HttpReceiver } from "../helpers/http-receiver.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let receiver: HttpReceiver<string>;
let base: string;
let org: SeededOrganization;
const hanging: ServerResponse[] = [];
const senders: OutboundSender[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Outbound Retail");
  // Answers 200 "ok" unless a test sets a behaviour for the path.
  receiver = await startHttpReceiver();
  ({ base } = receiver);
});

afterEach(async () => {
  await Promise.all(senders.splice(0).map((s) => s.stop()));
  for (const res of hanging.splice(0)) res.destroy();
  // Leftovers of one test must not be sent by the next one's sender, nor its channels get the next one's incidents.
  await db().outboundChannel.updateMany({ data: { isEnabled: false } });
  await db().outboundDelivery.updateMany({ where: { status: "pending" }, data: { status: "failed", lastError: "test cleanup" } });
});

afterAll(async () => {
  await receiver.close();
  await testDb.close();
});

const FAST: OutboundConfig = { ...DEFAULT_OUTBOUND_CONFIG, tickMs: 50, timeoutMs: 2_000, backoffMs: 20, backoffMaxMs: 100, maxAttempts: 8 };

function sender(config: Partial<OutboundConfig> = {}, autoStart = true): OutboundSender {
  const s = startOutboundSender({ ...FAST, ...config }, { autoStart });
  senders.push(s);
  return s;
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 8_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const hits = (path: string) => receiver.hits(path);
const deliveriesOf = (channelId: string) => db().outboundDelivery.findMany({ where: { channelId }, orderBy: { createdAt: "asc" } });

describe("sending", () => {
  it("never connects to cloud metadata, however a stored URL spells it; the log says why", async () => {
    const claim = {
      id: "d1",
      event: "incident.declared",
      payload: { text: "INC-1" },
      attempts: 0,
      leaseUntil: new Date(),
      kind: "webhook",
      secret: "s3cret",
      isEnabled: true,
      pageId: null,
    };
    for (const url of ["http://169.254.169.254/latest/meta-data", "https://[::ffff:169.254.169.254]/hook", "http://0.0.0.0:80/hook"]) {
      const outcome = await postDelivery({ ...claim, url }, 2_000, new Date());
      expect(outcome.kind, url).toBe("error");
      expect(describeOutcome(outcome, 2_000), url).toMatch(/Could not connect: refused: (link-local|reserved) address/);
    }
  });

  it("retries a receiver that fails twice, then delivers: the log shows 3 attempts, and declaring never waited", async () => {
    // The first answer is held until the incident is declared: had declaring waited for the
    // receiver, it would never return (no timing involved).
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    receiver.behaviour.set("/flaky", (n, res) => {
      if (n === 0) void held.then(() => res.writeHead(503).end("try later"));
      else if (n < 2) res.writeHead(503).end("try later");
      else res.writeHead(200).end("ok");
    });
    const channel = await seedNotificationChannel(org.admin, { name: "Flaky Slack", url: `${base}/flaky`, events: ["incident.declared"] });
    sender();

    const incident = await seedIncident(org.commander, { title: "Card payments declined at checkout", severity: "SEV1" });
    release();

    const [delivery] = await until(
      () => deliveriesOf(channel.id),
      (rows) => rows[0]?.status === "delivered",
    );
    expect(delivery).toMatchObject({
      status: "delivered",
      attempts: 3,
      lastStatusCode: 200,
      lastError: "",
      incidentId: incident.id,
      event: "incident.declared",
    });
    expect(delivery?.deliveredAt).not.toBeNull();
    const bodies = hits("/flaky").map((r) => r.body);
    expect(bodies).toHaveLength(3);
    // Every retry sends the same bytes, rendered once at enqueue.
    expect(new Set(bodies).size).toBe(1);
    const slack = JSON.parse(bodies[0]!) as { text: string; blocks: unknown[] };
    expect(slack.text).toContain(`${incident.ref} Card payments declined at checkout`);
    expect(slack.text).toContain(`/incidents/${incident.id}`);
    expect(slack.blocks.length).toBeGreaterThan(1);

    const log = await listDeliveries(org.admin, { channelId: channel.id });
    expect(log.deliveries[0]).toMatchObject({
      status: "delivered",
      attempts: 3,
      lastStatusCode: 200,
      incident: { id: incident.id, ref: incident.ref },
    });
  });

  it("never makes the room wait for a receiver that hangs", async () => {
    // The receiver never answers (the test never releases it, and the deadline is far away): had a
    // change or a post waited for its delivery, it would never return. No stopwatch involved.
    receiver.behaviour.set("/hang", (_n, res) => hanging.push(res));
    const channel = await seedNotificationChannel(org.admin, {
      name: "Hanging Teams",
      kind: "teams",
      url: `${base}/hang`,
      events: ["incident.severity", "incident.status"],
    });
    sender({ timeoutMs: 600_000 });
    const incident = await seedIncident(org.commander);

    await updateIncident(org.commander, incident.id, { severity: "SEV1" });
    // The receiver now holds the request open; the room goes on.
    await until(
      async () => hits("/hang").length,
      (n) => n >= 1,
    );
    expect(hits("/hang")).toHaveLength(1);

    await updateIncident(org.commander, incident.id, { status: "identified" });
    const { event } = await postEvent(org.responder, incident.id, { kind: "note", body: "Gateway p99 at 9 s" });

    expect(event.seq).toBeGreaterThan(0);
    // Both returned while the first delivery was still unanswered and in flight.
    expect(hanging).toHaveLength(1);
    expect(hanging[0]?.writableEnded).toBe(false);
    expect(hanging[0]?.destroyed).toBe(false);
    const rows = await deliveriesOf(channel.id);
    expect(rows.map((r) => r.event).sort()).toEqual(["incident.severity", "incident.status"]);
    expect(rows.find((r) => r.event === "incident.severity")?.status).toBe("pending");
    const teams = JSON.parse(hits("/hang")[0]!.body) as { type: string; attachments: { contentType: string }[] };
    expect(teams.type).toBe("message");
    expect(teams.attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
  });

  it("marks a delivery failed after the last attempt, keeping the last error; Retry now sends it again", async () => {
    let isDown = true;
    receiver.behaviour.set("/down", (_n, res) =>
      isDown ? res.writeHead(500).end("boom: database unavailable") : res.writeHead(204).end(),
    );
    const channel = await seedNotificationChannel(org.admin, { name: "Down hook", url: `${base}/down`, events: ["incident.declared"] });
    let clock = 0;
    const s = startOutboundSender({ ...FAST, maxAttempts: 3 }, { autoStart: false, now: () => new Date(clock) });
    senders.push(s);
    await seedIncident(org.commander);

    // The sender's clock starts when the message was queued and moves a second per pass: always
    // past the back-off (at most 100 ms), however long the machine takes between passes.
    clock = (await deliveriesOf(channel.id))[0]!.nextAttemptAt.getTime();
    for (let i = 0; i < 3; i++) {
      await s.runOnce();
      clock += 1_000;
    }
    const [failed] = await deliveriesOf(channel.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 3, lastStatusCode: 500, lastError: "HTTP 500: boom: database unavailable" });
    const log = await listDeliveries(org.admin, { status: "failed", channelId: channel.id });
    expect(log.deliveries).toHaveLength(1);

    isDown = false;
    const retried = await retryDelivery(org.admin, failed!.id);
    expect(retried.status).toBe("pending");
    await expectAppError(retryDelivery(org.admin, failed!.id), "conflict");
    clock = (await deliveriesOf(channel.id))[0]!.nextAttemptAt.getTime();
    await s.runOnce();
    expect((await deliveriesOf(channel.id))[0]).toMatchObject({ status: "delivered", attempts: 4, lastStatusCode: 204 });
    expect(await db().auditLog.count({ where: { action: "notification_delivery.retry", entityId: failed!.id } })).toBe(1);
  });

  it("records a receiver that does not answer in time, and one that refuses connections", async () => {
    // Refused first, with a deadline no busy machine reaches, so the refusal is what is recorded.
    const closed = await seedNotificationChannel(org.admin, {
      name: "Closed",
      url: "http://127.0.0.1:9/hook",
      events: ["incident.declared"],
    });
    await seedIncident(org.commander);
    await sender({ timeoutMs: 60_000 }, false).runOnce();
    expect((await deliveriesOf(closed.id))[0]?.lastError).toMatch(/^Could not connect: /);
    await updateChannel(org.admin, closed.id, { isEnabled: false });

    // Then a receiver that never answers: only the sender's own deadline can end this pass (were
    // it ignored, runOnce would never return), and the log names that deadline.
    receiver.behaviour.set("/slow", (_n, res) => hanging.push(res));
    const slow = await seedNotificationChannel(org.admin, { name: "Slow", url: `${base}/slow`, events: ["incident.declared"] });
    await seedIncident(org.commander);
    await sender({ timeoutMs: 300 }, false).runOnce();
    expect((await deliveriesOf(slow.id))[0]).toMatchObject({ status: "pending", attempts: 1, lastError: "No answer within 0.3 s" });
    // Given up on, not merely outlived: the sender closed the connection.
    expect(hanging).toHaveLength(1);
    await vi.waitFor(() => expect(hanging[0]?.destroyed).toBe(true));
  });

  it("never lets two senders on one database send the same delivery twice", async () => {
    const channel = await seedNotificationChannel(org.admin, {
      kind: "webhook",
      name: "Claimed once",
      url: `${base}/claim`,
      events: ["incident.declared", "incident.severity"],
    });
    const incident = await seedIncident(org.commander);
    for (const severity of ["SEV1", "SEV2", "SEV3", "SEV4", "SEV1", "SEV2", "SEV3", "SEV4", "SEV1", "SEV2", "SEV3"] as const) {
      await updateIncident(org.commander, incident.id, { severity });
    }
    expect(await db().outboundDelivery.count({ where: { channelId: channel.id } })).toBe(12); // declared, then 11 changes
    const a = sender({ concurrency: 4 }, false);
    const b = sender({ concurrency: 4 }, false);
    const [sentA, sentB] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(sentA + sentB).toBe(12);
    const ids = hits("/claim").map((r) => r.headers["x-warroom-delivery"]);
    expect(hits("/claim")).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    const rows = await deliveriesOf(channel.id);
    expect(rows.every((r) => r.status === "delivered" && r.attempts === 1)).toBe(true);
  });

  it("signs webhooks: HMAC-SHA256 of timestamp.body with the channel's secret, the delivery id for de-duplication", async () => {
    const channel = await seedNotificationChannel(org.admin, {
      kind: "webhook",
      name: "Status tool",
      url: `${base}/signed`,
      events: ["incident.commander"],
    });
    expect(channel.secret).toMatch(/^whsec_/);
    const s = sender({}, false);
    const incident = await seedIncident(org.commander);
    await setIncidentRole(org.commander, incident.id, { role: "commander", userId: org.admin.userId });
    await s.runOnce();

    const [hit] = hits("/signed");
    const [delivery] = await deliveriesOf(channel.id);
    expect(hit?.headers["x-warroom-event"]).toBe("incident.commander");
    expect(hit?.headers["x-warroom-delivery"]).toBe(delivery?.id);
    const timestamp = String(hit?.headers["x-warroom-timestamp"]);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(30);
    const expected = `v1=${createHmac("sha256", channel.secret!).update(`${timestamp}.${hit!.body}`).digest("hex")}`;
    expect(hit?.headers["x-warroom-signature"]).toBe(expected);
    const body = JSON.parse(hit!.body) as {
      event: string;
      incident: { id: string; commander: string };
      data: { from: string; to: string };
    };
    expect(body).toMatchObject({
      event: "incident.commander",
      incident: { id: incident.id, commander: org.admin.name },
      data: { from: org.commander.name, to: org.admin.name },
    });

    // A rotated secret signs the next delivery; the old one no longer verifies.
    const { secret } = await updateChannel(org.admin, channel.id, { rotateSecret: true });
    expect(secret).not.toBe(channel.secret);
    await setIncidentRole(org.admin, incident.id, { role: "commander", userId: org.commander.userId });
    await s.runOnce();
    const second = hits("/signed")[1]!;
    const ts2 = String(second.headers["x-warroom-timestamp"]);
    expect(second.headers["x-warroom-signature"]).toBe(`v1=${createHmac("sha256", secret!).update(`${ts2}.${second.body}`).digest("hex")}`);
  });

  it("sends a test message, even to a disabled channel", async () => {
    const channel = await seedNotificationChannel(org.admin, { name: "Test me", url: `${base}/test-me`, isEnabled: false });
    const s = sender({}, false);
    const queued = await sendTestMessage(org.admin, channel.id);
    expect(queued).toMatchObject({ status: "pending", event: "test", incident: null });
    await s.runOnce();
    expect((await deliveriesOf(channel.id))[0]?.status).toBe("delivered");
    expect(JSON.parse(hits("/test-me")[0]!.body).text).toContain("Test message from Warroom");
  });
});

describe("who gets what", () => {
  it("sends a team's channel only incidents involving that team: owners of impacted services and teams in the blast radius", async () => {
    const payments = await createTeam(org.admin, { name: "Payments routing" });
    const checkoutTeam = await createTeam(org.admin, { name: "Checkout routing" });
    const search = await createTeam(org.admin, { name: "Search routing" });
    const gateway = await createService(org.admin, { name: "Gateway routing", teamId: payments.id });
    const checkout = await createService(org.admin, { name: "Checkout routing API", teamId: checkoutTeam.id });
    const searchApi = await createService(org.admin, { name: "Search routing API", teamId: search.id });
    await addDependency(org.admin, checkout.id, { toId: gateway.id });

    const events = ["incident.severity" as const];
    const paymentsChannel = await seedNotificationChannel(org.admin, { name: "Payments channel", teamId: payments.id, events });
    const checkoutChannel = await seedNotificationChannel(org.admin, { name: "Checkout channel", teamId: checkoutTeam.id, events });
    const searchChannel = await seedNotificationChannel(org.admin, { name: "Search channel", teamId: search.id, events });
    const global = await seedNotificationChannel(org.admin, { name: "Everyone channel", events });
    const disabled = await seedNotificationChannel(org.admin, { name: "Muted channel", events, isEnabled: false });
    const statusOnly = await seedNotificationChannel(org.admin, { name: "Status only", events: ["incident.status"] });

    const incident = await seedIncident(org.commander);
    await setImpactedServices(org.commander, incident.id, { serviceIds: [gateway.id] });
    await updateIncident(org.commander, incident.id, { severity: "SEV1" });

    const count = async (channelId: string) => db().outboundDelivery.count({ where: { channelId, incidentId: incident.id } });
    expect(await count(paymentsChannel.id)).toBe(1); // owns the impacted gateway
    expect(await count(checkoutChannel.id)).toBe(1); // checkout calls the gateway: blast radius
    expect(await count(searchChannel.id)).toBe(0);
    expect(await count(global.id)).toBe(1);
    expect(await count(disabled.id)).toBe(0);
    expect(await count(statusOnly.id)).toBe(0);

    // The search team is pulled in once its service is impacted too.
    await setImpactedServices(org.commander, incident.id, { serviceIds: [gateway.id, searchApi.id] });
    await updateIncident(org.commander, incident.id, { severity: "SEV2" });
    expect(await count(searchChannel.id)).toBe(1);
  });

  it("tells a team's channel about an incident when its service is marked impacted after the declaration, once", async () => {
    const team = await createTeam(org.admin, { name: "Inventory late" });
    const other = await createTeam(org.admin, { name: "Feeds late" });
    const stock = await createService(org.admin, { name: "Stock sync late", teamId: team.id });
    const feed = await createService(org.admin, { name: "Price feed late", teamId: other.id });
    const teamChannel = await seedNotificationChannel(org.admin, {
      name: "Inventory declared",
      teamId: team.id,
      events: ["incident.declared"],
    });
    const global = await seedNotificationChannel(org.admin, { name: "Global declared", events: ["incident.declared"] });

    const incident = await seedIncident(org.commander);
    const count = async (channelId: string) =>
      db().outboundDelivery.count({ where: { channelId, incidentId: incident.id, event: "incident.declared" } });
    expect([await count(teamChannel.id), await count(global.id)]).toEqual([0, 1]);

    await setImpactedServices(org.commander, incident.id, { serviceIds: [stock.id] });
    expect([await count(teamChannel.id), await count(global.id)]).toEqual([1, 1]);
    // Another team's service joining does not tell this team again.
    await setImpactedServices(org.commander, incident.id, { serviceIds: [stock.id, feed.id] });
    expect([await count(teamChannel.id), await count(global.id)]).toEqual([1, 1]);
  });

  it("tells the owning team when an alert opens an incident on its service", async () => {
    const team = await createTeam(org.admin, { name: "Checkout alerts" });
    const service = await createService(org.admin, { name: "Checkout alerting API", teamId: team.id });
    const teamChannel = await seedNotificationChannel(org.admin, {
      kind: "teams",
      name: "Checkout on Teams",
      teamId: team.id,
      events: ["incident.declared"],
    });
    const { integration, secret } = await createIntegration(org.admin, {
      kind: "generic",
      name: "Synthetic outbound",
      defaultServiceId: service.id,
    });
    const alert = { dedupKey: "checkout-5xx-outbound", status: "firing", title: "Checkout 5xx above 5%" };
    const result = await ingestWebhook(integration.id, {
      headers: new Headers({ "x-warroom-secret": secret }),
      rawBody: JSON.stringify(alert),
      query: new URLSearchParams(),
    });
    expect(result.opened).toBe(1);
    const rows = await deliveriesOf(teamChannel.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event: "incident.declared", incidentId: result.incidents[0]?.id });
    expect(JSON.stringify(rows[0]?.payload)).toContain("Checkout 5xx above 5%");
  });

  it("sends resolved, not a status change, when an incident is resolved; a failed change queues nothing", async () => {
    const channel = await seedNotificationChannel(org.admin, { name: "Lifecycle", events: ["incident.status", "incident.resolved"] });
    const incident = await seedIncident(org.commander);
    await updateIncident(org.commander, incident.id, { status: "resolved" });
    await expectAppError(updateIncident(org.viewer, incident.id, { status: "investigating" }), "forbidden");
    const rows = await deliveriesOf(channel.id);
    expect(rows.map((r) => r.event)).toEqual(["incident.resolved"]);
  });
});

describe("managing channels", () => {
  it("refuses plain http outside the private network and names the field", async () => {
    await expectAppError(seedNotificationChannel(org.admin, { url: "http://hooks.example.com/x" }), "validation_failed", "url");
    await expectAppError(seedNotificationChannel(org.admin, { url: "https://169.254.169.254/latest" }), "validation_failed", "url");
    await expectAppError(seedNotificationChannel(org.admin, { events: [] }), "validation_failed", "events");
    await expectAppError(seedNotificationChannel(org.commander), "forbidden");
    const other = await seedOrganization("Other outbound");
    const team = await createTeam(other.admin, { name: "Their team" });
    await expectAppError(seedNotificationChannel(org.admin, { teamId: team.id }), "validation_failed", "teamId");
  });

  it("audits every change without the URL's token or the secret, and deleting takes the log with it", async () => {
    const channel = await seedNotificationChannel(org.admin, {
      kind: "webhook",
      name: "Audited",
      url: "https://tools.example.com/hooks/very-secret-token",
    });
    await updateChannel(org.admin, channel.id, { isEnabled: false });
    await sendTestMessage(org.admin, channel.id);
    await deleteChannel(org.admin, channel.id);
    const audits = await db().auditLog.findMany({ where: { entityId: channel.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual([
      "notification_channel.create",
      "notification_channel.update",
      "notification_channel.test",
      "notification_channel.delete",
    ]);
    const text = JSON.stringify(audits);
    expect(text).not.toContain("very-secret-token");
    expect(text).not.toContain(channel.secret!);
    expect(await db().outboundDelivery.count({ where: { channelId: channel.id } })).toBe(0);
  });
});
