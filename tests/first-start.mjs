// The newcomer's path, exactly as the README gives it: a fresh clone (no .next/, no .data/,
// no node_modules), `npm install && npm start`, then sign in and open a room over HTTP.
// Run by .ci/run before the suite: the worst bug we shipped (every page a 500 on the first start
// of a fresh clone) was invisible to a suite that builds before it starts the server.
//   node tests/first-start.mjs [repository]     (default: this checkout's committed HEAD)
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, URLSearchParams } from "node:url";
/* global fetch, AbortSignal */

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = process.argv[2] ?? here;
const port = Number(process.env.FIRST_START_PORT ?? 3099);
const base = `http://localhost:${port}`;
const READY_WITHIN_MS = 10 * 60_000;

const say = (line) => console.log(`[first-start] ${line}`);

function fail(message) {
  throw new Error(message);
}

/** A cookie jar just big enough for next-auth's csrf and session cookies. */
function jar() {
  const cookies = new Map();
  return {
    take(res) {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const at = pair.indexOf("=");
        cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
  };
}

async function waitForHealth(server) {
  const deadline = Date.now() + READY_WITHIN_MS;
  let last = "no answer (still building?)";
  while (Date.now() < deadline) {
    if (server.exitCode !== null) fail(`npm start exited with ${server.exitCode} before serving`);
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(20_000) });
      if (res.ok) return;
      last = `${res.status}`;
      // A 5xx once the server listens is exactly the bug this check exists for: give it a few
      // more tries (it may still be opening the database), then fail rather than wait it out.
      if (res.status >= 500) {
        for (let i = 0; i < 5; i++) {
          await sleep(3_000);
          const again = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(20_000) });
          if (again.ok) return;
          last = `${again.status}`;
        }
        fail(`GET /api/health answered ${last} on the first start`);
      }
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("GET /api/health")) throw error;
      // not listening yet (building), or a request that timed out
    }
    await sleep(1_000);
  }
  fail(`no healthy answer from ${base}/api/health within ${READY_WITHIN_MS / 60_000} minutes (last: ${last})`);
}

async function signInAndOpenRoom() {
  const cookies = jar();
  const get = async (url) => {
    const res = await fetch(`${base}${url}`, { headers: { cookie: cookies.header() }, redirect: "manual" });
    cookies.take(res);
    return res;
  };
  for (const page of ["/login", "/api/health"]) {
    const res = await get(page);
    if (res.status !== 200) fail(`GET ${page} answered ${res.status}`);
  }
  const csrf = await get("/api/auth/csrf");
  const { csrfToken } = await csrf.json();
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.header() },
    body: new URLSearchParams({ csrfToken, email: "admin@warroom.local", password: "warroom-demo", json: "true" }),
    redirect: "manual",
  });
  cookies.take(login);
  const session = await (await get("/api/auth/session")).json();
  if (session?.user?.email !== "admin@warroom.local") fail(`sign-in did not give a session (${login.status})`);
  const triage = await get("/triage");
  if (triage.status !== 200) fail(`GET /triage answered ${triage.status}`);
  const list = await get("/api/incidents");
  if (list.status !== 200) fail(`GET /api/incidents answered ${list.status}`);
  const body = await list.json();
  const incidents = Array.isArray(body) ? body : (body.incidents ?? body.items ?? []);
  const first = incidents[0];
  if (!first) fail("the demo organisation has no incident to open");
  const room = await get(`/incidents/${first.id}`);
  const html = await room.text();
  if (room.status !== 200) fail(`GET /incidents/${first.id} answered ${room.status}`);
  if (!html.includes(first.title.slice(0, 20).replace(/&/g, "&amp;"))) fail(`the room page does not show "${first.title}"`);
  say(`signed in as admin@warroom.local and opened ${first.ref ?? first.id} ("${first.title}")`);
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "warroom-first-start-"));
  const checkout = path.join(dir, "warroom");
  let server;
  try {
    say(`git clone ${source}`);
    execFileSync("git", ["clone", "--quiet", source, checkout], { stdio: "inherit" });
    const env = { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
    for (const name of [
      "DATABASE_URL",
      "DATA_DIR",
      "PGLITE_DIR",
      "NEXTAUTH_SECRET",
      "NEXTAUTH_URL",
      "SEED_DEMO",
      "NEXT_DIST_DIR",
      "NODE_ENV",
    ])
      delete env[name];
    let started = Date.now();
    say("npm install");
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: checkout, env, stdio: "inherit" });
    say(`npm install took ${((Date.now() - started) / 1000).toFixed(0)} s; npm start (builds on this first run)`);
    started = Date.now();
    server = spawn("npm", ["start"], { cwd: checkout, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    server.stdout.on("data", keep);
    server.stderr.on("data", keep);
    try {
      await waitForHealth(server);
      say(`serving after ${((Date.now() - started) / 1000).toFixed(0)} s`);
      await signInAndOpenRoom();
    } catch (error) {
      console.error(output);
      throw error;
    }
    say("ok: the first start of a fresh clone serves the app");
  } finally {
    if (server && server.exitCode === null) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await sleep(3_000);
      try {
        process.kill(-server.pid, "SIGKILL");
      } catch {
        // stopped on SIGTERM
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`[first-start] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
