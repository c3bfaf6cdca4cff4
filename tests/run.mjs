// `npm test`: every check, in the order that fails fastest, with one closing count.
// TEST_DATABASE_URL=postgres://… runs the integration and e2e suites against real Postgres.
// `npm test -- --only integration,e2e` runs just those steps (CI's second database reuses the
// first run's static checks and production build instead of repeating them).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
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

function playwrightCounts(file) {
  const s = JSON.parse(readFileSync(file, "utf8")).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

const allSteps = [
  { id: "schema", name: "schema and migrations agree", cmd: bin("tsx"), args: ["prisma/tools/db-check.ts"] },
  { id: "types", name: "type-check", cmd: bin("tsc"), args: ["--noEmit"] },
  { id: "lint", name: "lint", cmd: bin("eslint"), args: ["--max-warnings=0", "."] },
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
    name: `end-to-end tests in Chromium (${database})`,
    cmd: bin("playwright"),
    args: ["test"],
    report: path.join(results, "e2e-results.json"),
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
  const started = Date.now();
  const run = spawnSync(step.cmd, step.args, { cwd: root, env, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.report && existsSync(step.report)) {
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
