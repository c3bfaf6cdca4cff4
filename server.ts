// One process serves Next.js pages, the HTTP API and Socket.io on one port.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setDatabase } from "./lib/db/client.ts";
import { openDatabase, type Database } from "./lib/db/open-database.ts";
import { ensureAuthSecret, loadEnv, pgliteDir, shouldSeedDemo } from "./lib/env.ts";
import { CLIENT_IP_HEADER, clientIp } from "./lib/security/client-ip.ts";
import { serveDirect } from "./lib/server/direct-routes.ts";
import { refuseMalformedPath } from "./lib/http/malformed-path.ts";
import { startHealthPoller } from "./lib/catalog/start-health-poller.ts";
import { loadHealthPollerConfig } from "./lib/catalog/health-poller-config.ts";
import { errorFields, log } from "./lib/log.ts";
import { observeRequest } from "./lib/observability/http-metrics.ts";
import { handleMetricsRequest } from "./lib/observability/metrics-endpoint.ts";
import { addCollector, setGauge } from "./lib/observability/metrics.ts";
import { loadOutboundConfig } from "./lib/outbound/outbound-config.ts";
import { startOutboundSender } from "./lib/outbound/start-outbound-sender.ts";
import { recordPageAttempt } from "./lib/paging/record-page-attempt.ts";
import { startPageEscalations } from "./lib/paging/start-page-escalations.ts";
import { startDrillPlayer } from "./lib/drills/start-drill-player.ts";
import { loadPagingEndpoints } from "./lib/paging/paging-config.ts";
import { attachFanout } from "./lib/realtime/adapter.ts";
import { setRealtimeServer } from "./lib/realtime/emit.ts";
import { createRealtimeServer } from "./lib/server/socket-server.ts";
import { adoptBuiltNextConfig } from "./lib/server/built-config.ts";
import { ensureProductionBuild } from "./lib/server/ensure-build.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "./lib/seed/demo-catalog.ts";
import { seedDemo } from "./lib/seed/seed-demo.ts";
import { startStakeholderReminders } from "./lib/stakeholder/stakeholder-reminders.ts";

const root = path.dirname(fileURLToPath(import.meta.url));
const dev = process.argv.includes("--dev");

async function main(): Promise<void> {
  const env = loadEnv();
  const healthPollerConfig = loadHealthPollerConfig();
  const outboundConfig = loadOutboundConfig();
  // PAGERDUTY_EVENTS_URL / OPSGENIE_API_URL: checked here so a bad one stops start-up.
  loadPagingEndpoints();
  // next-auth reads these from process.env at request time; set them before anything runs.
  process.env.NEXTAUTH_SECRET = ensureAuthSecret(env);
  process.env.NEXTAUTH_URL ??= `http://localhost:${env.PORT}`;
  Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });

  if (!dev) {
    ensureProductionBuild(root);
    adoptBuiltNextConfig(root);
  }

  const database: Database = await openDatabase({ url: env.DATABASE_URL, pgliteDir: pgliteDir(env) });
  setDatabase(database);
  log.info("database ready", {
    database: database.kind,
    location: database.location,
    migrationsApplied: database.migrations.applied,
    migrations: database.migrations.total,
  });
  if (shouldSeedDemo(env) && (await seedDemo(database.prisma))) {
    log.info("seeded the demo organisation (SEED_DEMO=false turns this off)", {
      users: DEMO_USERS.map((u) => u.email),
      password: DEMO_PASSWORD,
    });
  } else if ((await database.prisma.organization.count()) === 0) {
    log.info(`no organisation yet: open ${process.env.NEXTAUTH_URL}/setup to create yours and its first admin`);
  }

  // Imported late so NODE_ENV is final before Next and React load.
  const { default: next } = await import("next");
  const app = next({ dev, dir: root, hostname: "localhost", port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.headers[CLIENT_IP_HEADER] = clientIp(req, env.TRUST_PROXY);
    if (handleMetricsRequest(req, res, env.METRICS_TOKEN)) return;
    observeRequest(req, res);
    if (refuseMalformedPath(req, res)) return;
    // The room's hot path (posting an entry) is answered here, the rest by Next.js.
    if (serveDirect(req, res)) return;
    handle(req, res).catch((error: unknown) => {
      log.error("unhandled request error", { url: req.url, ...errorFields(error) });
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side" } }));
    });
  });
  const io = createRealtimeServer(server);
  const fanout = await attachFanout(io, { redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL, mode: env.REALTIME_FANOUT });
  addCollector(() => {
    setGauge("warroom_sockets", "Socket.io clients connected to this instance", io.engine.clientsCount);
    // Memory, heap, GC and event-loop series are prom-client's default metrics (lib/observability/metrics.ts).
    const pool = database.poolStats();
    if (!pool) return;
    setGauge("warroom_db_pool_connections", "Postgres pool connections by state", pool.total - pool.idle, { state: "busy" });
    setGauge("warroom_db_pool_connections", "Postgres pool connections by state", pool.idle, { state: "idle" });
    setGauge("warroom_db_pool_waiting", "Queries waiting for a pool connection", pool.waiting);
  });
  if (dev) {
    // Next's hot reload uses its own websocket; Socket.io leaves other upgrade paths alone.
    const upgrade = app.getUpgradeHandler();
    server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/socket.io")) void upgrade(req, socket, head);
    });
  }

  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  log.info(`Warroom listening on http://localhost:${env.PORT}`, { database: database.kind, realtime: fanout.kind, dev });
  // Background health checks of catalog services (HEALTH_POLL=off disables them).
  const healthPoller = startHealthPoller(healthPollerConfig);
  // Slack, Teams and signed-webhook notifications queued by domain changes (OUTBOUND=off disables sending).
  const outboundSender = startOutboundSender(outboundConfig, { onPageAttempt: recordPageAttempt });
  // "Stakeholder update overdue" entries when a promised update's time passes.
  const reminders = startStakeholderReminders();
  // Pages nobody acknowledged in time: the team's escalation step.
  const escalations = startPageEscalations();
  // Game-day drills: injects each running drill's due steps into its practice incident.
  const drillPlayer = startDrillPlayer();
  // Each stop() waits for its pass in flight, so the database closes after them.
  const backgroundJobs = [healthPoller, outboundSender, reminders, escalations, drillPlayer];

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    // Force the exit if something hangs, so an orchestrator's restart is not blocked.
    setTimeout(() => process.exit(1), 10_000).unref();
    // Stop accepting; in-flight requests finish; then sockets, then the database.
    server.close(() => {
      setRealtimeServer(undefined);
      Promise.allSettled([fanout.close(), ...backgroundJobs.map((job) => job.stop())])
        .then(() => database.close())
        .catch((error: unknown) => log.error("closing the database failed", errorFields(error)))
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    // Close the connections without a Socket.io "disconnect" packet: a browser told the server
    // disconnected it would not reconnect by itself; a dropped transport reconnects with backoff.
    void io.close();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nWarroom could not start: ${message}\n`);
  process.exit(1);
});
