import { existsSync } from "node:fs";
import { chromium, defineConfig } from "@playwright/test";
import { BASE_URL, E2E_PORT } from "./tests/e2e/support/env.ts";

// A browser, in this order: CHROMIUM_PATH, the system's Chromium, Playwright's own (where
// `npx playwright install chromium` can download one; on our machines it cannot).
const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium", "/usr/bin/google-chrome"];

function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const system = SYSTEM_CHROMIUMS.find((candidate) => existsSync(candidate));
  if (system) return system;
  const bundled = playwrightChromium();
  if (bundled) return bundled;
  throw new Error(
    [
      "No Chromium found for the end-to-end tests. Any one of these fixes it:",
      "  Debian/Ubuntu:      sudo apt-get install -y chromium",
      "  Playwright's own:   npx playwright install chromium   (needs to download from the internet)",
      "  a browser you have: CHROMIUM_PATH=/path/to/chromium npm test",
    ].join("\n"),
  );
}

function playwrightChromium(): string | undefined {
  try {
    const found = chromium.executablePath();
    return found && existsSync(found) ? found : undefined;
  } catch {
    return undefined;
  }
}

export default defineConfig({
  testDir: "tests/e2e",
  // Per port, so two suites running side by side (see E2E_PORT) do not wipe each other's traces.
  outputDir: E2E_PORT === 3100 ? "test-results/artifacts" : `test-results/artifacts-${E2E_PORT}`,
  globalSetup: "./tests/e2e/support/global-setup.ts",
  // One server, one database, two cores: run serially. No retries, so flakiness shows.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: E2E_PORT === 3100 ? "test-results/e2e-results.json" : `test-results/e2e-results-${E2E_PORT}.json` }],
  ],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1366, height: 768 },
    headless: true,
    // A fixed zone and locale, so times and screenshots do not depend on the machine.
    timezoneId: "Europe/Berlin",
    locale: "en-GB",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    // The launcher gives every run a fresh data dir (and a fresh Postgres database when
    // TEST_DATABASE_URL is set), seeds the demo org, and cleans up on SIGTERM.
    command: "npx tsx tests/e2e/support/start-server.ts",
    url: `${BASE_URL}/api/health`,
    env: { E2E_PORT: String(E2E_PORT) },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
