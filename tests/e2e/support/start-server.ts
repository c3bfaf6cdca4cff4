// Starts Warroom for one e2e run: a throw-away DATA_DIR, and with TEST_DATABASE_URL a throw-away
// Postgres database on that (local) server. Everything is removed when Playwright stops us.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startCommandArgs } from "../../../lib/server/start-command.ts";
import { E2E_PORT, METRICS_TOKEN, PAGER_RECEIVER_PORT, REPO_ROOT } from "./env.ts";
import { createTestDatabase, say } from "./test-database.ts";

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "warroom-e2e-"));
  const adminUrl = process.env.TEST_DATABASE_URL;
  const database = adminUrl ? await createTestDatabase(adminUrl) : undefined;

  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await database?.drop().catch((error: unknown) => say(`could not drop the test database: ${String(error)}`));
    rmSync(dataDir, { recursive: true, force: true });
  };

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(E2E_PORT),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    SEED_DEMO: "true",
    NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // Lets a spec act as a distinct client address (X-Forwarded-For) to test per-address limits.
    TRUST_PROXY: "true",
    METRICS_TOKEN,
    // Pages go to the fake vendor the paging spec listens as, never to PagerDuty or Opsgenie.
    PAGERDUTY_EVENTS_URL: `http://127.0.0.1:${PAGER_RECEIVER_PORT}/pagerduty/v2/enqueue`,
    OPSGENIE_API_URL: `http://127.0.0.1:${PAGER_RECEIVER_PORT}/opsgenie`,
  };
  delete env.PGLITE_DIR;
  delete env.NEXTAUTH_SECRET;
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;
  say(`starting Warroom on port ${E2E_PORT} (${database ? "postgres" : "pglite"}, DATA_DIR=${dataDir})`);

  const server: ChildProcess = spawn(process.execPath, startCommandArgs(REPO_ROOT), { cwd: REPO_ROOT, env, stdio: "inherit" });

  // Playwright signals the whole process group; forward anyway in case we were signalled alone.
  const forward = (signal: NodeJS.Signals) => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  };
  process.on("SIGTERM", () => forward("SIGTERM"));
  process.on("SIGINT", () => forward("SIGINT"));

  const code = await new Promise<number>((resolve) => {
    server.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    server.on("error", (error) => {
      say(`could not start the server: ${error.message}`);
      resolve(1);
    });
  });
  await cleanUp();
  process.exit(code);
}

main().catch((error: unknown) => {
  process.stderr.write(`[e2e] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
