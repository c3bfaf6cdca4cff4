import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as healthRoute from "../../app/api/services/[id]/health/route.ts";
import { createApiToken, revokeApiToken } from "../../lib/people/api-tokens.ts";
import { claimDueChecks } from "../../lib/catalog/claim-due-checks.ts";
import { startHealthPoller, type HealthPoller } from "../../lib/catalog/start-health-poller.ts";
import { DEFAULT_HEALTH_POLLER_CONFIG, type HealthPollerConfig } from "../../lib/catalog/health-poller-config.ts";
import { parseAllowList } from "../../lib/security/address-policy.ts";
import { updateService } from "../../lib/catalog/update-service.ts";
import { expectAppError } from "../helpers/app-error.ts";
import { db } from "../../lib/db/client.ts";
import type { ServiceHealthUpdate } from "../../lib/realtime/protocol.ts";
import { bearer, callRoute } from "../helpers/call-route.ts";
import { withRealtimeServer, type RealtimeTestBed } from "../helpers/realtime-server.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { collect, nextEvent } from "../helpers/socket-client.ts";

let realtime: RealtimeTestBed;
let acme: SeededOrganization;
let globex: SeededOrganization;
let teamId: string;

beforeAll(async () => {
  realtime = await withRealtimeServer();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
  teamId = (await db().team.create({ data: { organizationId: acme.id, name: "Payments" } })).id;
});

afterEach(() => realtime.disconnectClients());

afterAll(() => realtime.close());

let serviceCount = 0;
async function seedService(organizationId = acme.id, data: { healthCheckUrl?: string } = {}) {
  const team =
    organizationId === acme.id ? teamId : (await db().team.create({ data: { organizationId, name: `Team ${++serviceCount}` } })).id;
  return db().service.create({ data: { organizationId, teamId: team, name: `Service ${++serviceCount}`, ...data } });
}

function push(serviceId: string, headers: Record<string, string>, body: unknown) {
  return callRoute(healthRoute.POST, {
    method: "POST",
    path: `/api/services/${serviceId}/health`,
    params: { id: serviceId },
    headers,
    body,
  });
}

const stored = (id: string) =>
  db().service.findUniqueOrThrow({
    where: { id },
    select: { health: true, healthMessage: true, healthCheckedAt: true, healthFailures: true, healthNextCheckAt: true },
  });
const healthAudits = (id: string) => db().auditLog.count({ where: { entityId: id, action: "service.health" } });

describe("pushing health", () => {
  it("stores a push made with a session and tells the organisation live", async () => {
    const service = await seedService();
    const watcher = await realtime.signedIn(acme.viewer.userId);
    const outsider = await realtime.signedIn(globex.admin.userId);
    const outsiderSaw = collect(outsider, "service:health");
    const pushed = nextEvent(watcher, "service:health", (p) => p.serviceId === service.id);

    const res = await push(service.id, { cookie: await sessionCookie(acme.responder.userId) }, { status: "degraded", message: "p99 4 s" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ serviceId: service.id, health: "degraded", healthMessage: "p99 4 s" });
    expect(await stored(service.id)).toMatchObject({ health: "degraded", healthMessage: "p99 4 s" });
    expect(await pushed).toEqual(res.body);
    expect(outsiderSaw).toEqual([]);
  });

  it("accepts a write token, acting as its user", async () => {
    const service = await seedService();
    const { token } = await createApiToken(acme.responder, { name: "payments push", scope: "write" });
    const watcher = await realtime.signedIn(acme.commander.userId);
    const pushed = nextEvent(watcher, "service:health", (p) => p.serviceId === service.id);

    const res = await push(service.id, bearer(token), { status: "down", message: "PSP timeouts" });
    expect(res.status).toBe(200);
    expect((await pushed).health).toBe("down");
    expect(await stored(service.id)).toMatchObject({ health: "down", healthMessage: "PSP timeouts" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: service.id, action: "service.health" } });
    expect(audit.actorId).toBe(acme.responder.userId);

    const read = await callRoute(healthRoute.GET, {
      path: `/api/services/${service.id}/health`,
      params: { id: service.id },
      headers: bearer(token),
    });
    expect(read.body).toMatchObject({ health: "down", healthMessage: "PSP timeouts" });
  });

  it("refuses a read-scope token with 403 and stores nothing", async () => {
    const service = await seedService();
    const { token } = await createApiToken(acme.responder, { name: "read only", scope: "read" });
    const res = await push(service.id, bearer(token), { status: "down" });
    expect(res.status).toBe(403);
    expect((await stored(service.id)).health).toBe("unknown");
  });

  it("refuses bad and revoked tokens with 401 and stores nothing", async () => {
    const service = await seedService();
    const { token, apiToken } = await createApiToken(acme.responder, { name: "soon revoked", scope: "write" });
    await revokeApiToken(acme.responder, apiToken.id);
    const watcher = await realtime.signedIn(acme.viewer.userId);
    const seen = collect(watcher, "service:health");
    for (const headers of [bearer(token), bearer(`wr_${"x".repeat(43)}`), { authorization: "Bearer garbage" }, {}]) {
      const res = await push(service.id, headers, { status: "down" });
      expect(res.status, JSON.stringify(headers)).toBe(401);
    }
    expect(await stored(service.id)).toMatchObject({ health: "unknown", healthCheckedAt: null });
    expect(seen).toEqual([]);
  });

  it("names `status` when it is not ok, degraded or down", async () => {
    const service = await seedService();
    const res = await push(service.id, { cookie: await sessionCookie(acme.responder.userId) }, { status: "on fire" });
    expect(res.status).toBe(422);
    const fields = (res.body as { error: { details: { fields: { field: string; message: string }[] } } }).error.details.fields;
    expect(fields).toEqual([{ field: "status", message: "status must be one of ok, degraded, down" }]);
    expect((await stored(service.id)).health).toBe("unknown");
  });

  it("is refused to viewers, and another organisation's service does not exist", async () => {
    const service = await seedService();
    expect((await push(service.id, { cookie: await sessionCookie(acme.viewer.userId) }, { status: "ok" })).status).toBe(403);
    expect((await push(service.id, { cookie: await sessionCookie(globex.admin.userId) }, { status: "ok" })).status).toBe(404);
    expect((await push("nope", { cookie: await sessionCookie(acme.admin.userId) }, { status: "ok" })).status).toBe(404);
  });

  it("audits changes of state only, and the last writer wins", async () => {
    const service = await seedService();
    const cookie = { cookie: await sessionCookie(acme.responder.userId) };
    await push(service.id, cookie, { status: "ok" });
    await push(service.id, cookie, { status: "ok", message: "still fine" });
    await push(service.id, cookie, { status: "down" });
    expect(await healthAudits(service.id)).toBe(2);
    expect(await stored(service.id)).toMatchObject({ health: "down", healthMessage: "" });
  });
});

// A stand-in for the services the poller checks: each path answers its own way.
let checks: HttpServer;
let checkBase: string;
let flakyIsUp = false;
const hits = new Map<string, number>();

/** A request to /hang the server holds open: only the poller's deadline, or the test, ends it. */
interface HeldRequest {
  res: ServerResponse;
  /** The connection went away before an answer: the poller gave up on it. */
  isAbandoned: boolean;
}
const held: HeldRequest[] = [];

function holdOpen(res: ServerResponse): void {
  const request: HeldRequest = { res, isAbandoned: false };
  res.on("close", () => (request.isAbandoned = !res.writableFinished));
  held.push(request);
}

function answer(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? "/";
  hits.set(path, (hits.get(path) ?? 0) + 1);
  if (path.startsWith("/ok")) return void res.writeHead(200, { "content-type": "text/plain" }).end("OK");
  if (path === "/degraded")
    return void res.writeHead(200, { "content-type": "application/json" }).end('{"status":"degraded","message":"replica lag 40 s"}');
  if (path === "/unavailable")
    return void res.writeHead(503, { "content-type": "application/json" }).end('{"message":"db pool exhausted"}');
  if (path === "/to-metadata")
    return void res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/iam/security-credentials/" }).end();
  if (path === "/internal-secret")
    return void res.writeHead(503, { "content-type": "application/json" }).end('{"message":"db password is hunter2"}');
  if (path === "/hang") return void holdOpen(res); // never answers unless a test releases it
  if (path === "/flaky") return void (flakyIsUp ? res.writeHead(200).end("back") : res.writeHead(500).end());
  res.writeHead(404).end();
}

describe("polling health-check URLs", () => {
  // The stand-in services listen on loopback, which an operator has to allow, as for a real team's internal checks.
  const config: HealthPollerConfig = {
    ...DEFAULT_HEALTH_POLLER_CONFIG,
    isEnabled: false,
    // Far longer than a loopback answer takes on a busy machine: no test depends on how fast one
    // comes. The one that proves the deadline sets its own, against a server that never answers.
    timeoutMs: 10_000,
    concurrency: 4,
    allowedHosts: parseAllowList("127.0.0.1", "HEALTH_CHECK_ALLOWED_HOSTS"),
  };
  const pollers: HealthPoller[] = [];
  const poller = (overrides: Partial<HealthPollerConfig> = {}) => {
    const p = startHealthPoller({ ...config, ...overrides }, { autoStart: false });
    pollers.push(p);
    return p;
  };

  beforeAll(async () => {
    checks = createServer(answer);
    await new Promise<void>((resolve) => checks.listen(0, "127.0.0.1", resolve));
    checkBase = `http://127.0.0.1:${(checks.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await Promise.all(pollers.map((p) => p.stop()));
    checks.closeAllConnections();
    await new Promise((resolve) => checks.close(resolve));
  });

  /** Makes only these services due, so each test checks exactly what it set up. */
  async function onlyDue(...ids: string[]): Promise<void> {
    const later = new Date(Date.now() + 3_600_000);
    await db().service.updateMany({ where: { healthCheckUrl: { not: null }, id: { notIn: ids } }, data: { healthNextCheckAt: later } });
    await db().service.updateMany({ where: { id: { in: ids } }, data: { healthNextCheckAt: new Date(Date.now() - 1000) } });
  }

  /** A port nothing listens on: bound once, then released. */
  async function closedPort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  /** The next check is `ms` after this one, on the poller's own clock (however long the pass took). */
  function expectNextCheckIn(row: { healthCheckedAt: Date | null; healthNextCheckAt: Date | null }, ms: number): void {
    expect(row.healthCheckedAt).not.toBeNull();
    expect(row.healthNextCheckAt).not.toBeNull();
    expect((row.healthNextCheckAt?.getTime() ?? 0) - (row.healthCheckedAt?.getTime() ?? 0)).toBe(ms);
  }

  it("marks an answering service ok, a JSON-degraded one degraded, and checks again in 30 s", async () => {
    const ok = await seedService(acme.id, { healthCheckUrl: `${checkBase}/ok` });
    const degraded = await seedService(acme.id, { healthCheckUrl: `${checkBase}/degraded` });
    await onlyDue(ok.id, degraded.id);
    const watcher = await realtime.signedIn(acme.viewer.userId);
    const pushed = nextEvent(watcher, "service:health", (p) => p.serviceId === degraded.id);

    expect(await poller().runOnce()).toBe(2);
    const okNow = await stored(ok.id);
    expect(okNow).toMatchObject({ health: "ok", healthMessage: "Health check answered HTTP 200 OK", healthFailures: 0 });
    expectNextCheckIn(okNow, 30_000);
    expect(await stored(degraded.id)).toMatchObject({ health: "degraded", healthMessage: "Health check reported degraded (HTTP 200 OK)" });
    expect((await pushed).health).toBe("degraded");
    // The poller acts for nobody: its audit records carry no user.
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: ok.id, action: "service.health" } });
    expect(audit).toMatchObject({ actorId: null, organizationId: acme.id });
  });

  it("marks a 503 down and backs off 30 s, then 60 s", async () => {
    const service = await seedService(acme.id, { healthCheckUrl: `${checkBase}/unavailable` });
    await onlyDue(service.id);
    await poller().runOnce();
    const first = await stored(service.id);
    expect(first).toMatchObject({ health: "down", healthFailures: 1, healthMessage: "Health check answered HTTP 503 Service Unavailable" });
    expectNextCheckIn(first, 30_000);

    await onlyDue(service.id);
    await poller().runOnce();
    const second = await stored(service.id);
    expect(second.healthFailures).toBe(2);
    expectNextCheckIn(second, 60_000);
    // Down twice is one change of state.
    expect(await healthAudits(service.id)).toBe(1);
  });

  it("gives up on a service that never answers at the configured deadline, and says so", async () => {
    const hanging = await seedService(acme.id, { healthCheckUrl: `${checkBase}/hang` });
    await onlyDue(hanging.id);
    held.length = 0;
    // The server never answers, so only the poller's own deadline can end this pass: were it
    // ignored, runOnce would never return and the test would time out.
    await poller({ timeoutMs: 300 }).runOnce();
    expect(await stored(hanging.id)).toMatchObject({
      health: "down",
      healthMessage: "Health check timed out after 0.3 s",
      healthFailures: 1,
    });
    expect(held).toHaveLength(1);
    // Given up on, not merely outlived: the poller closed the connection.
    await vi.waitFor(() => expect(held[0]?.isAbandoned).toBe(true));
  });

  it("checks the others while one service hangs", async () => {
    const hanging = await seedService(acme.id, { healthCheckUrl: `${checkBase}/hang` });
    const ok = await seedService(acme.id, { healthCheckUrl: `${checkBase}/ok-next-to-hang` });
    const refused = await seedService(acme.id, { healthCheckUrl: `http://127.0.0.1:${await closedPort()}/health` });
    await onlyDue(hanging.id, ok.id, refused.id);
    held.length = 0;

    // No clock: the others must be stored while the hanging request is open; then the test answers
    // it. Checked one after another, in whatever order, the others would either wait behind it
    // until its deadline or be done before it was asked: both fail below.
    const pass = poller().runOnce();
    const othersDone = async () => (await stored(ok.id)).health === "ok" && (await stored(refused.id)).health === "down";
    await vi.waitFor(async () => expect((await othersDone()) || held.some((h) => h.isAbandoned)).toBe(true), {
      timeout: 30_000,
      interval: 25,
    });
    expect(held).toHaveLength(1);
    expect(held[0]?.isAbandoned, "the hanging check ended before the others were stored").toBe(false);
    expect(await othersDone()).toBe(true);
    expect(await stored(refused.id)).toMatchObject({ health: "down", healthMessage: "Health check could not connect: ECONNREFUSED" });

    held[0]?.res.writeHead(200, { "content-type": "text/plain" }).end("OK");
    expect(await pass).toBe(3);
    expect((await stored(hanging.id)).health).toBe("ok");
  });

  it("recovers to ok and the normal interval when the service answers again", async () => {
    const service = await seedService(acme.id, { healthCheckUrl: `${checkBase}/flaky` });
    flakyIsUp = false;
    await onlyDue(service.id);
    await poller().runOnce();
    expect(await stored(service.id)).toMatchObject({ health: "down", healthFailures: 1 });

    flakyIsUp = true;
    const watcher = await realtime.signedIn(acme.viewer.userId);
    const recovered = nextEvent(watcher, "service:health", (p) => p.serviceId === service.id);
    await onlyDue(service.id);
    await poller().runOnce();
    const now = await stored(service.id);
    expect(now).toMatchObject({ health: "ok", healthFailures: 0 });
    expectNextCheckIn(now, 30_000);
    expect((await recovered).health).toBe("ok");
  });

  it("stays quiet when nothing changed", async () => {
    const service = await seedService(acme.id, { healthCheckUrl: `${checkBase}/ok-quiet` });
    const patient = poller();
    await onlyDue(service.id);
    await patient.runOnce();
    expect((await stored(service.id)).health).toBe("ok");
    const watcher = await realtime.signedIn(acme.viewer.userId);
    const seen: ServiceHealthUpdate[] = collect(watcher, "service:health");
    await onlyDue(service.id);
    await patient.runOnce();
    // A change pushed after the pass reaches the same socket after anything the pass sent.
    const other = await seedService();
    const changed = nextEvent(watcher, "service:health", (p) => p.serviceId === other.id);
    expect((await push(other.id, { cookie: await sessionCookie(acme.responder.userId) }, { status: "degraded" })).status).toBe(200);
    await changed;
    expect(seen.filter((s) => s.serviceId === service.id)).toEqual([]);
    expect((await stored(service.id)).healthCheckedAt).not.toBeNull();
  });

  it("never lets two pollers claim the same service", async () => {
    const services = await Promise.all(
      Array.from({ length: 12 }, (_, i) => seedService(acme.id, { healthCheckUrl: `${checkBase}/ok-claim-${i}` })),
    );
    await onlyDue(...services.map((s) => s.id));
    const now = new Date();
    const [a, b] = await Promise.all([claimDueChecks(8, now, 60_000), claimDueChecks(8, now, 60_000)]);
    const ids = [...a, ...b].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(services.map((s) => s.id).sort());

    // Whole passes too: each URL is fetched exactly once between two pollers running at once.
    await onlyDue(...services.map((s) => s.id));
    for (let i = 0; i < 12; i++) hits.delete(`/ok-claim-${i}`);
    const [checkedA, checkedB] = await Promise.all([poller().runOnce(), poller().runOnce()]);
    expect(checkedA + checkedB).toBe(12);
    expect(Array.from({ length: 12 }, (_, i) => hits.get(`/ok-claim-${i}`))).toEqual(Array(12).fill(1));
  });

  it("leaves a service alone once its health-check URL is removed", async () => {
    const service = await seedService(acme.id, { healthCheckUrl: `${checkBase}/ok-removed` });
    await onlyDue(service.id);
    await db().service.update({ where: { id: service.id }, data: { healthCheckUrl: null } });
    expect(await poller().runOnce()).toBe(0);
    expect((await stored(service.id)).health).toBe("unknown");
  });

  describe("SSRF (issue #16): without an allowance, internal addresses are never asked", () => {
    it.each([
      "http://127.0.0.1:PORT/ok-ssrf",
      "http://[::1]:PORT/ok-ssrf",
      "http://0x7f000001:PORT/ok-ssrf",
      "http://169.254.169.254/latest/meta-data",
      "http://[::ffff:127.0.0.1]:PORT/ok-ssrf",
    ])("%s is refused with a status line and no request", async (template) => {
      const url = template.replace("PORT", checkBase.split(":").at(-1)!);
      const service = await seedService(acme.id, { healthCheckUrl: url });
      hits.delete("/ok-ssrf");
      await onlyDue(service.id);
      await poller({ allowedHosts: [] }).runOnce();
      const now = await stored(service.id);
      expect(now.health).toBe("unknown");
      expect(now.healthMessage).toMatch(/^Health check refused: (loopback|link-local) address/);
      expect(hits.get("/ok-ssrf")).toBeUndefined();
    });

    it("refuses an internal health-check URL when a commander saves it, naming the field", async () => {
      const service = await seedService(acme.id);
      for (const url of [
        "http://169.254.169.254/latest/meta-data",
        "http://0x7f000001:8080/health",
        "http://[::ffff:10.0.0.1]/health",
        "http://localhost/health",
      ]) {
        const error = await expectAppError(
          updateService(acme.commander, service.id, { healthCheckUrl: url }),
          "validation_failed",
          "healthCheckUrl",
        );
        expect(error.message).toContain("HEALTH_CHECK_ALLOWED_HOSTS");
      }
      expect((await db().service.findUniqueOrThrow({ where: { id: service.id } })).healthCheckUrl).toBeNull();
    });

    it("re-checks a redirect from an allowed host and refuses the metadata endpoint", async () => {
      const service = await seedService(acme.id, { healthCheckUrl: `${checkBase}/to-metadata` });
      await onlyDue(service.id);
      await poller().runOnce();
      expect(await stored(service.id)).toMatchObject({
        health: "unknown",
        healthMessage: expect.stringMatching(/^Health check refused: link-local address \(cloud metadata\)/),
      });
    });

    it("never stores or shows the body of an internal answer", async () => {
      const service = await seedService(acme.id, { healthCheckUrl: `${checkBase}/internal-secret` });
      await onlyDue(service.id);
      await poller().runOnce();
      const now = await stored(service.id);
      expect(now).toMatchObject({ health: "down", healthMessage: "Health check answered HTTP 503 Service Unavailable" });
      expect(JSON.stringify(await db().auditLog.findMany({ where: { entityId: service.id } }))).not.toContain("hunter2");
    });
  });
});
