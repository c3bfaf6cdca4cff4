// `npm run bench:load`: the war room under peak load, against real Postgres and the production
// build. N socket clients over R incident rooms; entries posted through the HTTP API at a fixed
// rate; every client records when each entry arrived. Then the same clients against the floor
// (a raw INSERT plus a bare Socket.io broadcast) on the same machine, and a room of 20,000 entries
// being opened. Writes bench/results/load.json and load.md.
//
//   npm run bench:load -- --clients 1000 --rooms 20 --rate 100 --seconds 30 --instances 1
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { io } from "socket.io-client";
import { alertStorm, type AlertStormResult } from "./load/alert-storm.ts";
import { run, type RunResult, type Target } from "./load/drive.ts";
import { admin, appEnv, appNodeArgs, BASE_PORT, dbUrl, FLOOR_PORT, root, say, start, stop, waitFor } from "./load/harness.ts";
import { herd } from "./load/herd.ts";
import { watchProcess } from "./load/process-stats.ts";
import { round, summarize } from "./load/stats.ts";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const options = {
  clients: arg("clients", 1000),
  rooms: arg("rooms", 20),
  rate: arg("rate", 100),
  seconds: arg("seconds", 30),
  instances: arg("instances", 1),
};
let failuresShown = 0;

async function main(): Promise<void> {
  const dbName = `warroom_bench_${randomBytes(5).toString("hex")}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "warroom-bench-"));
  const secret = randomBytes(32).toString("base64url");
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const databaseUrl = dbUrl(dbName);
  const children: ChildProcess[] = [];
  try {
    // The app: production build (server.ts builds it first when stale), demo seed, no poller.
    const ports = Array.from({ length: options.instances }, (_, k) => BASE_PORT + k);
    for (const port of ports) {
      children.push(start(["server.ts"], appEnv(port, databaseUrl, dataDir, secret), appNodeArgs));
      // One at a time: the first builds if needed, seeds and migrates.
      await waitFor(`http://127.0.0.1:${port}/api/health`, 600);
    }
    say(`${options.instances} instance(s) up on ${ports.join(", ")}`);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const users = (await db.query<{ id: string; role: string }>(`SELECT id, role FROM "User" ORDER BY email`)).rows;
    const cookies = await Promise.all(users.map(async (u) => `next-auth.session-token=${await encode({ token: { sub: u.id }, secret })}`));
    const commander = users.findIndex((u) => u.role === "COMMANDER");
    const commanderCookie = cookies[commander] ?? "";

    const incidents: string[] = [];
    for (let r = 0; r < options.rooms; r++) {
      const res = await fetch(`http://127.0.0.1:${BASE_PORT}/api/incidents`, {
        method: "POST",
        headers: { cookie: commanderCookie, "content-type": "application/json" },
        body: JSON.stringify({ title: `Bench room ${r + 1}`, severity: "SEV2" }),
      });
      incidents.push(((await res.json()) as { id: string }).id);
    }

    const warroom: Target = {
      urlFor: (c) => `http://127.0.0.1:${ports[c % ports.length]}`,
      headersFor: (c) => ({ cookie: cookies[c % cookies.length] ?? "" }),
      join: async (socket, room) => {
        const ack = (await socket.emitWithAck("incident:join", { incidentId: incidents[room] })) as { ok: boolean };
        if (!ack.ok) throw new Error("join refused");
      },
      deliveryEvent: "timeline:event",
      deliveryOf: (_, payload) => {
        const clientId = (payload as { event?: { clientId?: string | null } }).event?.clientId ?? "";
        return clientId.startsWith("bench-") ? Number(clientId.slice(6)) : null;
      },
      post: async (i, room) => {
        const port = ports[i % ports.length];
        const res = await fetch(`http://127.0.0.1:${port}/api/incidents/${incidents[room]}/events`, {
          method: "POST",
          headers: { cookie: commanderCookie, "content-type": "application/json" },
          body: JSON.stringify({
            kind: "note",
            body: `Bench entry ${i}: replica lag 4 s on orders-db, failing over`,
            clientId: `bench-${String(i).padStart(8, "0")}`,
          }),
        });
        const text = await res.text();
        if (res.status >= 300 && failuresShown++ < 3) say(`post ${i} answered ${res.status}: ${text.slice(0, 200)}`);
        return res.status;
      },
    };

    say(`Warroom: ${options.clients} clients, ${options.rooms} rooms, ${options.rate} entries/s for ${options.seconds} s`);
    const watches = children.map((c) => watchProcess(c.pid ?? 0));
    const app = await run(warroom, { ...options, onStart: () => watches.forEach((w) => w.mark()) });
    const appProcess = watches.map((w) => w.stop());
    say(`Warroom p50 ${round(app.latencyMs.p50)} ms, p99 ${round(app.latencyMs.p99)} ms, lost ${app.lost}, duplicated ${app.duplicated}`);

    // A room of 20,000 entries: the newest page over HTTP and a socket join, 20 times each.
    const big = incidents[0] ?? "";
    await db.query(
      `INSERT INTO "TimelineEvent" (id, "incidentId", seq, kind, body, "occurredAt", "recordedAt")
       SELECT gen_random_uuid(), $1, s, 'note', 'Backfilled entry ' || s, now(), now()
       FROM generate_series((SELECT "lastSeq" FROM "Incident" WHERE id = $1) + 1, (SELECT "lastSeq" FROM "Incident" WHERE id = $1) + 20000) s`,
      [big],
    );
    await db.query(`UPDATE "Incident" SET "lastSeq" = (SELECT max(seq) FROM "TimelineEvent" WHERE "incidentId" = $1) WHERE id = $1`, [big]);
    const pageMs: number[] = [];
    const joinMs: number[] = [];
    const htmlMs: number[] = [];
    for (let k = 0; k < 20; k++) {
      let t = performance.now();
      await (
        await fetch(`http://127.0.0.1:${BASE_PORT}/api/incidents/${big}/events`, { headers: { cookie: commanderCookie } })
      ).arrayBuffer();
      pageMs.push(performance.now() - t);
      t = performance.now();
      await (await fetch(`http://127.0.0.1:${BASE_PORT}/incidents/${big}`, { headers: { cookie: commanderCookie } })).arrayBuffer();
      htmlMs.push(performance.now() - t);
      const socket = io(`http://127.0.0.1:${BASE_PORT}`, {
        path: "/socket.io",
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
        extraHeaders: { cookie: commanderCookie },
      });
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      t = performance.now();
      await socket.emitWithAck("incident:join", { incidentId: big });
      joinMs.push(performance.now() - t);
      socket.disconnect();
    }
    const adminCookie = cookies[users.findIndex((u) => u.role === "ADMIN")] ?? "";
    say("alert storm: 10,000 alerts over 20 keys through the generic webhook");
    const storm = await alertStorm(`http://127.0.0.1:${BASE_PORT}`, adminCookie, db);
    say(`alert storm: ${Math.round(storm.alertsPerSecond)} alerts/s, ${storm.incidentsOpened} incidents for ${storm.keys} keys`);
    await db.end();
    for (const child of children.splice(0)) await stop(child);

    // The floor, same machine, same clients and rate.
    const floorPort = FLOOR_PORT;
    const floor = start(["bench/load/floor-server.ts"], { PORT: String(floorPort), DATABASE_URL: databaseUrl });
    children.push(floor);
    await waitFor(`http://127.0.0.1:${floorPort}/`, 60);
    const floorTarget: Target = {
      urlFor: () => `http://127.0.0.1:${floorPort}`,
      headersFor: () => ({}),
      join: async (socket, room) => {
        await socket.emitWithAck("join", room);
      },
      deliveryEvent: "msg",
      deliveryOf: (_, payload) => (payload as { i: number }).i,
      post: async (i, room) => {
        const res = await fetch(`http://127.0.0.1:${floorPort}/post`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ room, i, body: `Bench entry ${i}: replica lag 4 s on orders-db, failing over` }),
        });
        await res.arrayBuffer();
        return res.status;
      },
    };
    say("floor: raw INSERT + bare broadcast");
    const floorWatch = watchProcess(floor.pid ?? 0);
    const floorRun = await run(floorTarget, { ...options, onStart: () => floorWatch.mark() });
    const floorProcess = floorWatch.stop();
    say(`floor p50 ${round(floorRun.latencyMs.p50)} ms, p99 ${round(floorRun.latencyMs.p99)} ms`);

    report(app, appProcess, floorRun, floorProcess, { page: summarize(pageMs), join: summarize(joinMs), html: summarize(htmlMs) }, storm);
  } finally {
    for (const child of children) await stop(child);
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type ProcessFigures = { peakRssMb: number; lastRssMb: number; cpuPercent: number };

function report(
  app: RunResult,
  appProcess: ProcessFigures[],
  floor: RunResult,
  floorProcess: ProcessFigures,
  room: Record<string, ReturnType<typeof summarize>>,
  storm: AlertStormResult,
): void {
  const ratio = floor.latencyMs.p50 > 0 ? app.latencyMs.p50 / floor.latencyMs.p50 : 0;
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: round(os.totalmem() / 2 ** 30) },
    options,
    warroom: { ...app, process: appProcess },
    floor: { ...floor, process: floorProcess },
    ratioP50: round(ratio, 2),
    room20k: room,
    alertStorm: storm,
    targets: { p99Ms: 100, ratioP50: 1.5, rssMb: 400 },
  };
  const dir = path.join(root, "bench/results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "load.json"), JSON.stringify(result, null, 2));
  const ms = (v: number) => `${round(v)} ms`;
  const rss = appProcess.map((p) => `${Math.round(p.peakRssMb)} MB`).join(" / ");
  const cpu = appProcess.map((p) => `${Math.round(p.cpuPercent)}%`).join(" / ");
  const md = `# Load benchmark — ${result.at}

${options.clients} clients in ${options.rooms} rooms, ${options.rate} entries/s for ${options.seconds} s, ${options.instances} instance(s), ${result.machine.cpus} cores.

| | p50 | p95 | p99 | max | lost | duplicated | post failures |
|---|---|---|---|---|---|---|---|
| Warroom (post → delivery at every client) | ${ms(app.latencyMs.p50)} | ${ms(app.latencyMs.p95)} | ${ms(app.latencyMs.p99)} | ${ms(app.latencyMs.max)} | ${app.lost} | ${app.duplicated} | ${app.postFailures} |
| floor (INSERT + bare broadcast) | ${ms(floor.latencyMs.p50)} | ${ms(floor.latencyMs.p95)} | ${ms(floor.latencyMs.p99)} | ${ms(floor.latencyMs.max)} | ${floor.lost} | ${floor.duplicated} | ${floor.postFailures} |

- Ratio to the floor at p50: **${round(ratio, 2)}** (target ≤ 1.5).
- Warroom server: peak RSS ${rss} (target ≤ 400 MB), CPU ${cpu} of one core during posting. Floor server: ${Math.round(floorProcess.peakRssMb)} MB, ${Math.round(floorProcess.cpuPercent)}%.
- Deliveries: ${app.delivered} of ${app.expectedDeliveries}; clients connected and joined in ${round(app.connectSeconds)} s.
- Room with 20,000 entries: newest page ${ms(room.page?.p50 ?? 0)} (p95 ${ms(room.page?.p95 ?? 0)}), room page HTML ${ms(room.html?.p50 ?? 0)}, socket join with its first page ${ms(room.join?.p50 ?? 0)}.
- Alert storm: ${storm.alerts} alerts over ${storm.keys} keys in ${storm.requests} webhook requests of ${storm.alerts / storm.requests} alerts, 10 at a time: ${round(storm.seconds)} s, **${Math.round(storm.alertsPerSecond)} alerts/s**; ${storm.incidentsOpened} incidents opened (must be ${storm.keys}), ${storm.alertsCounted} alerts counted (must be ${storm.alerts}), ${storm.refused} requests refused.
`;
  writeFileSync(path.join(dir, "load.md"), md);
  process.stdout.write(`\n${md}\n`);
}

const scenario = process.argv.includes("--scenario") ? process.argv[process.argv.indexOf("--scenario") + 1] : "rooms";
if (scenario !== "rooms" && scenario !== "herd") throw new Error("--scenario must be rooms or herd");
(scenario === "herd" ? herd() : main()).catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
