// `npm test`: every check, in the order that fails fastest, with one closing count.
// TEST_DATABASE_URL=postgres://… runs the integration and e2e suites against real Postgres.
// `npm test -- --only integration,e2e` runs just those steps (CI's second database reuses the
// first run's static checks and production build instead of repeating them).
// `--engine-specs` narrows the e2e step to the specs whose behaviour depends on the database
// engine (CI's PostgreSQL pass; see ENGINE_SPECS).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results = path.join(root, "test-results");
mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const database = env.TEST_DATABASE_URL ? "PostgreSQL (TEST_DATABASE_URL)" : "embedded PGlite";

const counts = { passed: 0, failed: 0, skipped: 0 };

function vitestCounts(file) {
  const r = JSON.parse(readFileSync(file, "utf8"));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(files) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const file of files.filter((f) => existsSync(f))) {
    const s = JSON.parse(readFileSync(file, "utf8")).stats;
    counts.passed += s.expected + s.flaky;
    counts.failed += s.unexpected;
    counts.skipped += s.skipped;
  }
  return counts;
}

// E2E_LANES=2 runs the e2e suite in two lanes at once, each a Playwright process with its own
// server, its own database and its own ports (E2E_PORT and E2E_PORT + 10; a spec's own servers sit
// at +5…+8 and +40…+42, its fake pager at +60, so the lanes never meet). Specs within a lane run in
// file order on one server, as before. Off by default: on a loaded 2-core machine the lanes halve
// each browser's CPU and the specs' 1-5 s expectations time out (README, "## Tests"); turn it on
// once two full runs on a quiet machine pass.
// The second lane's files, chosen to even out the two lanes' time; every other spec (and any new
// one) runs in the first. drill-report must run before drills on the same server: both stay here.
const SECOND_LANE = new Set([
  "a11y",
  "alert-impact",
  "api-docs",
  "api",
  "audit-log",
  "catalog-import",
  "catalog-xss",
  "catalog",
  "drill-report",
  "drills",
  "people",
  "screens",
  "timeline-screens",
]);
// The specs that exercise what differs between PGlite and PostgreSQL: a connection cut and pool
// metrics, first-run setup on an empty database, live pushes (PostgreSQL fans out through
// LISTEN/NOTIFY, PGlite in memory), the outbox's replay against a real unique index, and the
// outbound queues' claims (paging, notifications). Every other spec drives the same lib/ code,
// which the integration suite runs on both engines. multi-instance is not here: it always uses
// PostgreSQL, so the first pass has run it already.
const ENGINE_SPECS = new Set([
  "api",
  "faults",
  "metrics",
  "notifications",
  "outbox-reload",
  "paging",
  "people",
  "realtime-room",
  "timeline-changes",
]);
const engineOnly = process.argv.includes("--engine-specs");
const e2ePort = Number(env.E2E_PORT ?? "3100");
const lanes = env.E2E_LANES === "2" ? 2 : 1;
const e2eFiles = readdirSync(path.join(root, "tests", "e2e"))
  .filter((f) => f.endsWith(".spec.ts") && (!engineOnly || ENGINE_SPECS.has(f.replace(/\.spec\.ts$/, ""))))
  .sort();
const e2eLanes = (
  lanes === 1
    ? [e2eFiles]
    : [
        e2eFiles.filter((f) => !SECOND_LANE.has(f.replace(/\.spec\.ts$/, ""))),
        e2eFiles.filter((f) => SECOND_LANE.has(f.replace(/\.spec\.ts$/, ""))),
      ]
).map((files, i) => ({ port: e2ePort + 10 * i, files: files.map((f) => `tests/e2e/${f}`) }));
const e2eReport = (port) => path.join(results, port === 3100 ? "e2e-results.json" : `e2e-results-${port}.json`);

/** Runs the lanes at once, each line prefixed with its port; resolves to 0 when all passed. */
function runE2eLanes() {
  return Promise.all(
    e2eLanes.map(
      ({ port, files }) =>
        new Promise((resolve) => {
          const child = spawn(bin("playwright"), ["test", ...files], {
            cwd: root,
            env: { ...env, E2E_PORT: String(port) },
            stdio: ["ignore", "pipe", "pipe"],
          });
          for (const [from, to] of [
            [child.stdout, process.stdout],
            [child.stderr, process.stderr],
          ]) {
            let rest = "";
            from.on("data", (chunk) => {
              const lines = (rest + chunk).split("\n");
              rest = lines.pop() ?? "";
              for (const line of lines) to.write(`[e2e :${port}] ${line}\n`);
            });
            from.on("end", () => rest && to.write(`[e2e :${port}] ${rest}\n`));
          }
          child.on("close", (code) => resolve(code ?? 1));
        }),
    ),
  ).then((codes) => ({ status: codes.every((code) => code === 0) ? 0 : 1 }));
}

const allSteps = [
  { id: "schema", name: "schema and migrations agree", cmd: bin("tsx"), args: ["prisma/tools/db-check.ts"] },
  { id: "types", name: "type-check", cmd: bin("tsc"), args: ["--noEmit"] },
  { id: "lint", name: "lint", cmd: bin("eslint"), args: ["--max-warnings=0", "."] },
  // Prettier (.prettierrc.json, .prettierignore): `npm run format` fixes what this reports.
  {
    id: "format",
    name: "formatting (Prettier; `npm run format` fixes it)",
    cmd: bin("prettier"),
    args: ["--check", "--log-level=warn", "."],
  },
  ...["unit", "integration"].map((project) => ({
    id: project,
    name: `${project} tests (${project === "unit" ? "no database" : database})`,
    cmd: bin("vitest"),
    args: ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${path.join(results, `${project}.json`)}`],
    report: path.join(results, `${project}.json`),
    count: vitestCounts,
  })),
  { id: "build", name: "production build", cmd: bin("next"), args: ["build"] },
  {
    id: "e2e",
    name: `end-to-end tests in Chromium (${database}${engineOnly ? ", the specs that depend on the engine" : ""})`,
    // One lane: the plain `playwright test` of before, straight to the terminal.
    ...(lanes === 1 ? { cmd: bin("playwright"), args: ["test", ...(engineOnly ? e2eLanes[0].files : [])] } : { run: runE2eLanes }),
    reports: e2eLanes.map(({ port }) => e2eReport(port)),
    count: playwrightCounts,
  },
];

const onlyArg = process.argv.slice(2).find((arg, i, all) => arg.startsWith("--only") && (arg.includes("=") || all[i + 1]));
const onlyValue = onlyArg?.includes("=") ? onlyArg.split("=")[1] : onlyArg ? process.argv[process.argv.indexOf(onlyArg) + 1] : undefined;
const only = onlyValue ? new Set(onlyValue.split(",").map((s) => s.trim())) : undefined;
const unknown = only ? [...only].filter((id) => !allSteps.some((step) => step.id === id)) : [];
if (unknown.length > 0) {
  console.error(`unknown step(s) in --only: ${unknown.join(", ")}; steps are ${allSteps.map((s) => s.id).join(", ")}`);
  process.exit(2);
}
const steps = only ? allSteps.filter((step) => only.has(step.id)) : allSteps;
if (only?.has("e2e") && !only.has("build") && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("--only e2e needs a production build: run `npm run build` first or add build to --only");
  process.exit(2);
}

let failedStep = null;
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  if (step.report) rmSync(step.report, { force: true });
  for (const report of step.reports ?? []) rmSync(report, { force: true });
  const started = Date.now();
  const run = step.run ? await step.run() : spawnSync(step.cmd, step.args, { cwd: root, env, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.reports) {
    const c = step.count(step.reports);
    counts.passed += c.passed;
    counts.failed += c.failed;
    counts.skipped += c.skipped;
  } else if (step.report && existsSync(step.report)) {
    const c = step.count(step.report);
    counts.passed += c.passed;
    counts.failed += c.failed;
    counts.skipped += c.skipped;
  }
  if (run.status !== 0) {
    failedStep = step.name;
    console.error(`✗ ${step.name} failed after ${seconds}s`);
    break;
  }
  console.log(`✓ ${step.name} (${seconds}s)`);
}

// A failed check counts as a failure even when it is not a test (type errors, lint).
if (failedStep && counts.failed === 0) counts.failed = 1;
console.log(failedStep ? `\nnpm test stopped at: ${failedStep}` : "\nAll checks passed.");
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
