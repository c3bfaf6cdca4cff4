// `npm run bench:load -- --scenario herd`: the Black Friday SEV1 (issue #17). Distinct people,
// created for the run, join ONE incident room within a few seconds; then posters write into it;
// then the server restarts under them; then the same herd over two instances (Postgres and Redis
// fan-out); and the floor for the same shape. Writes bench/results/herd.json and herd.md.
//
//   npm run bench:load -- --scenario herd --people 1000 --spread 10 --rate 20 --seconds 30
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { run, type RunResult } from "./drive.ts";
import { admin, appEnv, appNodeArgs, BASE_PORT, dbUrl, FLOOR_PORT, root, say, start, stop, waitFor } from "./harness.ts";
import { HerdClient, type HerdShared } from "./herd-client.ts";
import { herdUsers } from "./herd-users.ts";
import type { PresenceUser } from "../../lib/realtime/protocol.ts";
import { cpuSecondsOf, watchProcess } from "./process-stats.ts";
import { round, summarize, type Summary } from "./stats.ts";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const POSTERS = 10;
const STORM_SECONDS = 10;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

async function until(check: () => boolean | Promise<boolean>, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(100);
  }
  return check();
}

interface Ctx {
  databaseUrl: string;
  dataDir: string;
  secret: string;
  db: pg.Client;
  people: number;
  spread: number;
  rate: number;
  seconds: number;
}

interface Herd {
  clients: HerdClient[];
  shared: HerdShared;
  cookies: string[];
  posterCookies: string[];
  commanderCookie: string;
}

async function startInstances(ctx: Ctx, count: number, extra: Record<string, string> = {}): Promise<ChildProcess[]> {
  const children: ChildProcess[] = [];
  for (let k = 0; k < count; k++) {
    const port = BASE_PORT + k;
    children.push(start(["server.ts"], appEnv(port, ctx.databaseUrl, ctx.dataDir, ctx.secret, extra), appNodeArgs));
    await waitFor(`http://127.0.0.1:${port}/api/health`, 600);
  }
  return children;
}

async function declare(commanderCookie: string, title: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${BASE_PORT}/api/incidents`, {
    method: "POST",
    headers: { cookie: commanderCookie, "content-type": "application/json" },
    body: JSON.stringify({ title, severity: "SEV1" }),
  });
  return ((await res.json()) as { id: string }).id;
}

/** Phase 1: everyone connects and joins at a random moment within `spread` seconds. */
async function joinHerd(ctx: Ctx, herd: Herd, instances: number) {
  const started = performance.now();
  herd.clients.forEach((c, i) => setTimeout(() => c.connect(), Math.random() * ctx.spread * 1000 * (i === 0 ? 0 : 1)));
  const allJoined = await until(() => herd.clients.every((c) => c.isJoined), ctx.spread + 60);
  const lastJoin = Math.max(...herd.clients.map((c) => c.joinedAt));
  // Everyone sees everyone: the deltas of the last window have arrived.
  const converged = await until(() => herd.clients.every((c) => c.presence.size === ctx.people), 15);
  const joinMs = summarize(herd.clients.flatMap((c) => c.joinMs));
  return {
    instances,
    joined: herd.clients.filter((c) => c.isJoined).length,
    allJoined,
    secondsUntilAllJoined: round((lastJoin - started) / 1000),
    joinMs,
    connected: herd.clients.filter((c) => c.socket.connected).length,
    presenceCorrect: converged,
    presenceWrong: herd.clients.filter((c) => c.presence.size !== ctx.people).length,
    presenceMessages: herd.clients.reduce((n, c) => n + c.presenceMessages, 0),
    presencePayloadMb: round(herd.clients.reduce((n, c) => n + c.presenceBytes, 0) / 1e6),
    wireMb: round(herd.clients.reduce((n, c) => n + c.wireBytes(), 0) / 1e6),
  };
}

/** Posts entries [from, from + rate × seconds) from the posters, round robin over the instances. */
async function post(ctx: Ctx, herd: Herd, from: number, seconds: number, instances: number, stored: Uint8Array) {
  const total = Math.round(ctx.rate * seconds);
  let failures = 0;
  const inFlight: Promise<void>[] = [];
  const t0 = performance.now();
  let next = 0;
  while (next < total) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * ctx.rate) + 1);
    for (; next < due; next++) {
      const i = from + next;
      const port = BASE_PORT + (i % instances);
      herd.shared.sentAt[i] = performance.now();
      inFlight.push(
        fetch(`http://127.0.0.1:${port}/api/incidents/${herd.shared.incidentId}/events`, {
          method: "POST",
          headers: { cookie: herd.posterCookies[i % herd.posterCookies.length] ?? "", "content-type": "application/json" },
          body: JSON.stringify({
            kind: "note",
            body: `Herd entry ${i}: checkout 502s from the payment gateway, failing over`,
            clientId: `herd-${String(i).padStart(8, "0")}`,
          }),
        }).then(
          async (res) => {
            await res.arrayBuffer();
            if (res.status < 300) stored[i] = 1;
            else if (failures++ < 3) say(`post ${i} answered ${res.status}`);
          },
          (error: unknown) => {
            if (failures++ < 3) say(`post ${i} failed: ${String(error)}`);
          },
        ),
      );
    }
    await sleep(2);
  }
  await Promise.all(inFlight);
  return { posted: total, failures };
}

function losses(herd: Herd, stored: Uint8Array, from: number, to: number) {
  let expected = 0;
  let lost = 0;
  let duplicated = 0;
  for (const c of herd.clients) {
    duplicated += c.pushedTwice;
    for (let i = from; i < to; i++) {
      if (!stored[i]) continue;
      expected++;
      const n = c.seen[i] ?? 0;
      if (n === 0) lost++;
      if (n > 1) duplicated += n - 1;
    }
  }
  return { expected, lost, duplicated };
}

async function timedGets(url: string, cookie: string, count: number, concurrency: number): Promise<Summary> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) {
        const t = performance.now();
        await (await fetch(url, { headers: { cookie } })).arrayBuffer();
        times.push(performance.now() - t);
      }
    }),
  );
  return summarize(times);
}

async function openHerd(
  ctx: Ctx,
  incidentId: string,
  instances: number,
  users: { cookies: string[]; posterCookies: string[]; commanderCookie: string },
  capacity: number,
  floor?: { port: number; people: PresenceUser[] },
): Promise<Herd> {
  const shared: HerdShared = { incidentId, sentAt: new Float64Array(capacity).fill(Number.NaN), latencies: [], measuring: false };
  const clients = users.cookies.map((cookie, i) =>
    floor
      ? new HerdClient(`http://127.0.0.1:${floor.port}`, "", shared, capacity, floor.people[i])
      : new HerdClient(`http://127.0.0.1:${BASE_PORT + (i % instances)}`, cookie, shared, capacity),
  );
  return { clients, shared, ...users };
}

export async function herd(): Promise<void> {
  const dbName = `warroom_herd_${randomBytes(5).toString("hex")}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "warroom-herd-"));
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  if (process.env.BENCH_LOG_STATEMENTS) await admin((c) => c.query(`ALTER DATABASE "${dbName}" SET log_statement = 'all'`));
  const ctx: Ctx = {
    databaseUrl: dbUrl(dbName),
    dataDir,
    secret: randomBytes(32).toString("base64url"),
    db: new pg.Client({ connectionString: dbUrl(dbName) }),
    people: arg("people", 1000),
    spread: arg("spread", 10),
    rate: arg("rate", 20),
    seconds: arg("seconds", 30),
  };
  const skipInstances = process.argv.includes("--no-instances");
  const children: ChildProcess[] = [];
  const result: Record<string, unknown> = {
    at: new Date().toISOString(),
    options: { people: ctx.people, spread: ctx.spread, rate: ctx.rate, seconds: ctx.seconds, posters: POSTERS },
  };
  try {
    children.push(...(await startInstances(ctx, 1)));
    await ctx.db.connect();
    const users = await herdUsers(ctx.db, ctx.people, POSTERS);
    const sign = (sub: string) => encode({ token: { sub }, secret: ctx.secret }).then((t) => `next-auth.session-token=${t}`);
    const cookies = await Promise.all(users.people.map((u) => sign(u.id)));
    const signed = { cookies, posterCookies: cookies.slice(0, POSTERS), commanderCookie: await sign(users.commanderId) };
    const capacity = Math.round(ctx.rate * (ctx.seconds + STORM_SECONDS * 2 + 60));

    // 1. The herd joins one room.
    const incidentId = await declare(signed.commanderCookie, "Checkout down at peak: payment gateway 502s");
    const herd = await openHerd(ctx, incidentId, 1, signed, capacity);
    const app = children[0] as ChildProcess;
    const watch = watchProcess(app.pid ?? 0);
    say(`herd: ${ctx.people} people joining one room within ${ctx.spread} s`);
    const join = await joinHerd(ctx, herd, 1);
    const firstAck = herd.clients.find((c) => c.firstAck)?.firstAck;
    say(
      `joined ${join.joined}/${ctx.people}, p99 ${round(join.joinMs.p99)} ms, presence ${join.presencePayloadMb} MB payload / ${join.wireMb} MB on the wire, correct: ${join.presenceCorrect}`,
    );

    // 2. Posters write into the room; every person receives every entry.
    const stored = new Uint8Array(capacity);
    watch.mark();
    herd.shared.measuring = true;
    const posting = await post(ctx, herd, 0, ctx.seconds, 1, stored);
    await sleep(3_000);
    herd.shared.measuring = false;
    const postEnd = Math.round(ctx.rate * ctx.seconds);
    const postLoss = losses(herd, stored, 0, postEnd);
    const postLatency = summarize(herd.shared.latencies.filter(Number.isFinite));
    const process1 = watch.stop();
    say(
      `posting: p50 ${round(postLatency.p50)} ms, p99 ${round(postLatency.p99)} ms, lost ${postLoss.lost}, duplicated ${postLoss.duplicated}, RSS ${Math.round(process1.peakRssMb)} MB`,
    );

    // 3. The room page and the triage board while the herd is in the room.
    const roomHtml = await timedGets(`http://127.0.0.1:${BASE_PORT}/incidents/${incidentId}`, signed.commanderCookie, 40, 4);
    const triage = await timedGets(`http://127.0.0.1:${BASE_PORT}/triage`, signed.commanderCookie, 40, 4);
    const cpu0 = cpuSecondsOf(app.pid ?? 0) ?? 0;
    await timedGets(`http://127.0.0.1:${BASE_PORT}/triage`, signed.commanderCookie, 20, 1);
    const triageCpuMs = (((cpuSecondsOf(app.pid ?? 0) ?? 0) - cpu0) * 1000) / 20;
    say(
      `room HTML p95 ${round(roomHtml.p95)} ms, /triage p95 ${round(triage.p95)} ms, /triage ${round(triageCpuMs)} ms CPU per render (with the herd's traffic)`,
    );

    // 4. Reconnect storm: the server restarts under the herd; posting goes on once it is back.
    say("reconnect storm: restarting the server under the herd");
    const killedAt = performance.now();
    await stop(app);
    children.splice(0);
    children.push(...(await startInstances(ctx, 1)));
    const upAt = performance.now();
    const stormFrom = postEnd;
    const stormPosting = await post(ctx, herd, stormFrom, STORM_SECONDS, 1, stored);
    const stormEnd = stormFrom + Math.round(ctx.rate * STORM_SECONDS);
    const lastSeq = async () =>
      Number(
        (await ctx.db.query<{ lastSeq: number }>(`SELECT "lastSeq" FROM "Incident" WHERE id = $1`, [incidentId])).rows[0]?.lastSeq ?? 0,
      );
    const target = await lastSeq();
    const caughtUp = await until(
      () => herd.clients.every((c) => c.isJoined && c.contiguous >= target),
      Math.max(1, 30 - (performance.now() - killedAt) / 1000),
    );
    const backAt = performance.now();
    const stormLoss = losses(herd, stored, 0, stormEnd);
    const storm = {
      caughtUp,
      back: herd.clients.filter((c) => c.isJoined && c.contiguous >= target).length,
      secondsFromKill: round((backAt - killedAt) / 1000),
      secondsFromRestart: round((backAt - upAt) / 1000),
      ...stormLoss,
      postFailures: stormPosting.failures,
      fullHistoryJoins: herd.clients.reduce((n, c) => n + c.fullJoins, 0) - ctx.people,
      acksWithMore: herd.clients.reduce((n, c) => n + c.ackHadMore, 0),
      presenceCorrect: await until(() => herd.clients.every((c) => c.presence.size === ctx.people), 10),
    };
    say(
      `storm: ${storm.back}/${ctx.people} back and caught up ${storm.secondsFromKill} s after the kill (${storm.secondsFromRestart} s after the restart), lost ${storm.lost}, duplicated ${storm.duplicated}, full-history joins ${storm.fullHistoryJoins}`,
    );
    for (const c of herd.clients) c.close();
    for (const child of children.splice(0)) await stop(child);
    Object.assign(result, {
      join,
      posting: { ...posting, latencyMs: postLatency, ...postLoss, process: process1 },
      pages: { roomHtml, triage, triageCpuMs },
      storm,
    });

    // 5. Two instances, through each fan-out.
    const twoInstances: Record<string, unknown> = {};
    if (!skipInstances) {
      for (const kind of ["postgres", "redis"] as const) {
        children.push(...(await startInstances(ctx, 2, kind === "redis" ? { REDIS_URL } : {})));
        const id = await declare(signed.commanderCookie, `Checkout down (two instances, ${kind})`);
        const h = await openHerd(ctx, id, 2, signed, capacity);
        say(`two instances (${kind}): ${ctx.people} people`);
        const j = await joinHerd(ctx, h, 2);
        const st = new Uint8Array(capacity);
        h.shared.measuring = true;
        const p = await post(ctx, h, 0, STORM_SECONDS, 2, st);
        await sleep(3_000);
        h.shared.measuring = false;
        const l = losses(h, st, 0, Math.round(ctx.rate * STORM_SECONDS));
        const latency = summarize(h.shared.latencies.filter(Number.isFinite));
        // Half the herd leaves from one instance: the other half must see exactly that.
        const leaving = h.clients.filter((_, i) => i % 2 === 1);
        for (const c of leaving) c.close();
        const stayed = h.clients.filter((_, i) => i % 2 === 0);
        const leftSeen = await until(() => stayed.every((c) => c.presence.size === stayed.length), 15);
        twoInstances[kind] = { join: j, latencyMs: latency, ...l, postFailures: p.failures, presenceAfterHalfLeft: leftSeen };
        say(
          `${kind}: joined ${j.joined}, presence correct ${j.presenceCorrect}, p99 ${round(latency.p99)} ms, lost ${l.lost}, dup ${l.duplicated}, after half left: ${leftSeen}`,
        );
        for (const c of stayed) c.close();
        for (const child of children.splice(0)) await stop(child);
      }
    }
    result.twoInstances = twoInstances;

    // 6. The floor: the same herd joining one room of a server that answers from memory with
    // Warroom's payloads; then the same number of sockets in one room at the same rate.
    const ackFile = path.join(dataDir, "floor-join-ack.json");
    writeFileSync(ackFile, JSON.stringify(firstAck ?? { incident: {}, events: [], lastSeq: 0 }));
    const floor = start(["bench/load/floor-server.ts"], {
      PORT: String(FLOOR_PORT),
      DATABASE_URL: ctx.databaseUrl,
      FLOOR_JOIN_ACK_FILE: ackFile,
    });
    children.push(floor);
    await waitFor(`http://127.0.0.1:${FLOOR_PORT}/`, 60);
    say(`floor: the same herd joins a bare server's room (same payloads, no reads)`);
    const floorHerd = await openHerd(ctx, incidentId, 1, signed, capacity, { port: FLOOR_PORT, people: users.people });
    const floorJoin = await joinHerd(ctx, floorHerd, 1);
    for (const c of floorHerd.clients) c.close();
    result.floorJoin = floorJoin;
    say(
      `floor joins: ${floorJoin.joined}/${ctx.people}, p50 ${round(floorJoin.joinMs.p50)} ms, p99 ${round(floorJoin.joinMs.p99)} ms, ${floorJoin.wireMb} MB on the wire`,
    );
    say("floor: raw INSERT + bare broadcast, same shape");
    const floorRun: RunResult = await run(
      {
        urlFor: () => `http://127.0.0.1:${FLOOR_PORT}`,
        headersFor: () => ({}),
        join: async (socket, room) => {
          await socket.emitWithAck("join", room);
        },
        deliveryEvent: "msg",
        deliveryOf: (_, payload) => (payload as { i: number }).i,
        post: async (i, room) => {
          const res = await fetch(`http://127.0.0.1:${FLOOR_PORT}/post`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ room, i, body: `Herd entry ${i}: checkout 502s from the payment gateway, failing over` }),
          });
          await res.arrayBuffer();
          return res.status;
        },
      },
      { clients: ctx.people, rooms: 1, rate: ctx.rate, seconds: ctx.seconds },
    );
    result.floor = floorRun;
    say(`floor p50 ${round(floorRun.latencyMs.p50)} ms, p99 ${round(floorRun.latencyMs.p99)} ms`);
    report(result as unknown as HerdResult, ctx);
  } finally {
    await ctx.db.end().catch(() => undefined);
    for (const child of children) await stop(child);
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface HerdResult {
  at: string;
  join: Awaited<ReturnType<typeof joinHerd>>;
  posting: {
    latencyMs: Summary;
    lost: number;
    duplicated: number;
    failures: number;
    expected: number;
    process: { peakRssMb: number; cpuPercent: number };
  };
  pages: { roomHtml: Summary; triage: Summary; triageCpuMs: number };
  storm: {
    caughtUp: boolean;
    back: number;
    secondsFromKill: number;
    secondsFromRestart: number;
    lost: number;
    duplicated: number;
    fullHistoryJoins: number;
    acksWithMore: number;
    presenceCorrect: boolean;
  };
  twoInstances: Record<
    string,
    { join: Awaited<ReturnType<typeof joinHerd>>; latencyMs: Summary; lost: number; duplicated: number; presenceAfterHalfLeft: boolean }
  >;
  floor: RunResult;
  floorJoin: Awaited<ReturnType<typeof joinHerd>>;
}

function report(r: HerdResult, ctx: Ctx): void {
  const ratio = r.floor.latencyMs.p99 > 0 ? r.posting.latencyMs.p99 / r.floor.latencyMs.p99 : 0;
  const joinRatio = r.floorJoin.joinMs.p99 > 0 ? r.join.joinMs.p99 / r.floorJoin.joinMs.p99 : 0;
  const dir = path.join(root, "bench/results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "herd.json"),
    JSON.stringify({ ...r, ratioP99: round(ratio, 2), joinRatioP99: round(joinRatio, 2), machine: { cpus: os.cpus().length } }, null, 2),
  );
  const ms = (v: number) => `${round(v)} ms`;
  const two = Object.entries(r.twoInstances)
    .map(
      ([kind, t]) =>
        `| two instances, ${kind} fan-out | ${t.join.joined}/${ctx.people} joined, join p99 ${ms(t.join.joinMs.p99)}, presence right at every client: ${t.join.presenceCorrect ? "yes" : `no (${t.join.presenceWrong} wrong)`}, after half left: ${t.presenceAfterHalfLeft ? "yes" : "no"} | post → delivery p99 ${ms(t.latencyMs.p99)}, lost ${t.lost}, duplicated ${t.duplicated} |`,
    )
    .join("\n");
  const md = `# Herd benchmark — ${r.at}

${ctx.people} distinct people join one incident room within ${ctx.spread} s; then ${POSTERS} posters write ${ctx.rate} entries/s for ${ctx.seconds} s; ${os.cpus().length} cores, clients on the same machine.

| phase | figures | target |
|---|---|---|
| herd joins | ${r.join.joined}/${ctx.people} joined (all within ${r.join.secondsUntilAllJoined} s), join p50 ${ms(r.join.joinMs.p50)}, p99 **${ms(r.join.joinMs.p99)}**, ${r.join.connected} connected, presence right at every client: ${r.join.presenceCorrect ? "yes" : "no"} | all, p99 ≤ 1 s |
| floor, the same herd joining | ${r.floorJoin.joined}/${ctx.people} joined, join p50 ${ms(r.floorJoin.joinMs.p50)}, p99 ${ms(r.floorJoin.joinMs.p99)}, ${r.floorJoin.wireMb} MB on the wire; Warroom at p99 **${round(joinRatio, 2)}×** the floor | (what this machine allows) |
| presence traffic | ${r.join.presenceMessages.toLocaleString("en")} deltas received in all; ${r.join.presencePayloadMb} MB of presence payload (acks' lists and incident + deltas), **${r.join.wireMb} MB on the wire** (compressed) | ≤ 50 MB |
| posting, post → delivery at all ${ctx.people} | p50 ${ms(r.posting.latencyMs.p50)}, p99 **${ms(r.posting.latencyMs.p99)}**, lost ${r.posting.lost}, duplicated ${r.posting.duplicated}, post failures ${r.posting.failures}, server RSS ${Math.round(r.posting.process.peakRssMb)} MB | p99 ≤ 150 ms, 0, 0, ≤ 500 MB |
| floor, same shape | p50 ${ms(r.floor.latencyMs.p50)}, p99 ${ms(r.floor.latencyMs.p99)}; ratio at p99 **${round(ratio, 2)}** | ≤ 1.5 |
| reconnect storm | ${r.storm.back}/${ctx.people} back and caught up ${r.storm.secondsFromKill} s after the kill (${r.storm.secondsFromRestart} s after the new process answered), lost ${r.storm.lost}, duplicated ${r.storm.duplicated}, full-history joins ${r.storm.fullHistoryJoins}, presence right: ${r.storm.presenceCorrect ? "yes" : "no"} | ≤ 30 s, 0, 0, 0 |
| pages with the herd in the room | room HTML p95 ${ms(r.pages.roomHtml.p95)}, /triage p95 ${ms(r.pages.triage.p95)}, /triage ${ms(r.pages.triageCpuMs)} of server CPU per render | ≤ 300 ms, ≤ 20 ms CPU |
${two}
`;
  writeFileSync(path.join(dir, "herd.md"), md);
  process.stdout.write(`\n${md}\n`);
}
