// Shared by the load scenarios: the throw-away database, starting and stopping app instances.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startCommandArgs } from "../../lib/server/start-command.ts";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const BASE_PORT = Number(process.env.BENCH_PORT ?? 3300);
/** The floor server's port (BENCH_FLOOR_PORT), 50 above the app's by default. */
export const FLOOR_PORT = Number(process.env.BENCH_FLOOR_PORT ?? BASE_PORT + 50);
export const say = (m: string) => process.stdout.write(`[bench] ${m}\n`);

export async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export function dbUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function waitFor(url: string, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

// Extra node flags for the app instances only, to see where the time goes, e.g.
// BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/warroom-prof" (a profile per instance on exit).
export const appNodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);

/** Runs a TypeScript file under tsx (the floor), or the app as `npm start` runs it (compiled). */
export function start(cmd: string[], env: Record<string, string>, nodeArgs: string[] = []): ChildProcess {
  const args =
    cmd[0] === "server.ts" ? [...nodeArgs, ...startCommandArgs(root), ...cmd.slice(1)] : [...nodeArgs, "--import", "tsx", ...cmd];
  return spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** The environment of one app instance on `port` over `databaseUrl`. */
export function appEnv(
  port: number,
  databaseUrl: string,
  dataDir: string,
  secret: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: `http://localhost:${port}`,
    SEED_DEMO: "true",
    HEALTH_POLL: "off",
    NODE_ENV: "production",
    ...extra,
  };
}
