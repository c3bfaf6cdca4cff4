// A Warroom server of a spec's own, for fault tests that kill and restart it (the suite's shared
// server must stay up for every other spec) and for several instances on one database. Uses the
// production build the suite already made.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, signInOverHttp, type DemoRole } from "./auth.ts";
import { startCommandArgs } from "../../../lib/server/start-command.ts";
import { REPO_ROOT } from "./env.ts";

export interface OwnServer {
  baseUrl: string;
  /** Starts (or starts again) on the same port, data directory and database. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown, no goodbye to sockets, like a crashed machine. */
  kill(): Promise<void>;
  dispose(): Promise<void>;
}

async function waitHealthy(baseUrl: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before answering`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server at ${baseUrl} did not answer /api/health within ${timeoutMs} ms`);
}

export function ownServer(port: number, env: Record<string, string> = {}): OwnServer {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "warroom-fault-"));
  const baseUrl = `http://localhost:${port}`;
  let child: ChildProcess | undefined;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const kill = async () => {
    if (!child || !running()) return;
    const exited = new Promise((r) => child?.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  };
  return {
    baseUrl,
    async start() {
      const childEnv: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        SEED_DEMO: "true",
        NEXTAUTH_URL: baseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
        HEALTH_POLL: "off",
        ...env,
      };
      delete childEnv.PGLITE_DIR;
      // Instances of one deployment share a secret so one sign-in works on all; else each server
      // makes its own under its DATA_DIR.
      if (!env.NEXTAUTH_SECRET) delete childEnv.NEXTAUTH_SECRET;
      if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
      child = spawn(process.execPath, startCommandArgs(REPO_ROOT), {
        cwd: REPO_ROOT,
        env: childEnv,
        stdio: ["ignore", "ignore", "inherit"],
      });
      await waitHealthy(baseUrl, child);
    },
    kill,
    async dispose() {
      await kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser context signed in on that server as a demo role; the caller closes it. */
export async function signedIn(browser: Browser, server: OwnServer, role: DemoRole): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  await signInOverHttp(context.request, DEMO_USERS[role].email, DEMO_PASSWORD);
  return context;
}
