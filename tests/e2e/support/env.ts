import path from "node:path";
import { fileURLToPath } from "node:url";

function port(): number {
  const raw = process.env.E2E_PORT ?? "3100";
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`E2E_PORT must be a port number, got "${raw}"`);
  return value;
}

/** Port of the server the suite starts; not 3000, so a dev server can keep running. */
export const E2E_PORT = port();
export const BASE_URL = `http://localhost:${E2E_PORT}`;

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
// One sign-in per server: runs on different ports (two checkouts' suites at once) keep their own.
export const AUTH_DIR = path.join(REPO_ROOT, "tests/e2e/.auth", `port-${E2E_PORT}`);
export const SCREENS_DIR = path.join(REPO_ROOT, "test-results/screens");
/** The server under test exposes /metrics with this token. */
export const METRICS_TOKEN = "e2e-metrics-token-0123456789";
/** A fake pager vendor (PagerDuty, Opsgenie) the server under test pages: E2E_PORT + 60. */
export const PAGER_RECEIVER_PORT = E2E_PORT + 60;
