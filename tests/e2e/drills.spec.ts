// A game-day drill from the start page: the payment scenario at ×5 opens a practice incident
// marked DRILL, and the injected alerts arrive live in every browser in the room.
import path from "node:path";
import type { Page } from "@playwright/test";
import { formatDrillDuration } from "../../lib/drill-reports/format-duration.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, markNoReload, expectNotReloaded, room } from "./support/room.ts";

async function shoot(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} is ${overflow}px wider than the viewport`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true, animations: "disabled" });
}

test("a commander starts the payment drill at ×5 and the injected alerts appear live in the room with the DRILL banner", async ({
  pageAs,
  apiAs,
}) => {
  const { page } = await pageAs("commander");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/drills");
  await expect(page).toHaveTitle("Drills · Warroom");
  const scenario = page.getByRole("radio", { name: /Payment gateway adapter timeouts at 10× Black Friday traffic/ });
  await scenario.check();
  await expect(page.getByText("8 steps · 12m at ×1 · 6m at ×2 · 2m 24s at ×5")).toBeVisible();
  await page.getByRole("radio", { name: /^×5/ }).check();
  await shoot(page, "drills-1366");
  await expectNoSeriousViolations(page);

  // A written scenario with a typo is refused at its line before anything starts.
  await page.getByRole("radio", { name: /Write your own/ }).check();
  await page.getByRole("button", { name: "Start from an example" }).click();
  const editor = page.getByLabel("Scenario YAML");
  await editor.fill(((await editor.inputValue()) || "").replace("service: Checkout API", "service: Checkout APl"));
  await expect(page.getByTestId("scenario-problems")).toContainText("line 15");
  await expect(page.getByTestId("scenario-problems")).toContainText("steps[1].alert.service: unknown service 'Checkout APl'");
  await expect(page.getByRole("button", { name: "Start drill" })).toBeDisabled();

  await scenario.check();
  await page.getByRole("button", { name: "Start drill" }).click();
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  const roomUrl = new URL(page.url()).pathname;
  const commander = room(page);
  await expectLive(commander);
  const banner = page.getByTestId("drill-banner");
  await expect(banner).toContainText("DRILL — practice incident, Payment gateway adapter timeouts at 10× Black Friday traffic, ×5");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("[DRILL] Payment gateway adapter timeouts");

  // A responder joins; the drill's first alert is there, and the next one (12 s later at ×5) arrives live.
  const { page: responderPage } = await pageAs("responder");
  await responderPage.setViewportSize({ width: 390, height: 844 });
  await responderPage.goto(roomUrl);
  const responder = room(responderPage);
  await expectLive(responder);
  const token = await markNoReload(responderPage);
  await expect(
    responderPage.getByTestId("timeline-entry").filter({ hasText: "Firing: PaymentGatewayTimeouts: p99 authorisation latency > 8s" }),
  ).toBeVisible({ timeout: 10_000 });
  await expect(responderPage.getByTestId("timeline-entry").filter({ hasText: "Firing: CheckoutErrorRate: 5xx > 12%" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId("timeline-entry").filter({ hasText: "Firing: CheckoutErrorRate: 5xx > 12%" })).toBeVisible();
  await expect(responderPage.getByTestId("drill-step")).toHaveText(/step [2-8] of 8/);
  await expectNotReloaded(responderPage, token);
  await shoot(page, "drill-room-1366");
  await shoot(responderPage, "drill-room-390");

  // The practice incident is marked on the triage board, and left out of the incident list by default.
  await page.goto("/triage");
  await expect(
    page.getByTestId("triage-row").filter({ hasText: "[DRILL] Payment gateway adapter timeouts" }).first().getByTestId("drill-badge"),
  ).toBeVisible();
  await page.goto("/incidents");
  await expect(page.getByRole("link", { name: /\[DRILL\] Payment gateway adapter timeouts/ })).toHaveCount(0);
  await page.getByTestId("include-drills").click();
  await expect(page.getByRole("link", { name: /\[DRILL\] Payment gateway adapter timeouts/ }).first()).toBeVisible();

  // Cancelled, so the shared demo organisation's triage board is left as it was.
  const api = await apiAs("commander");
  const drills = (await (await api.get("/api/drills")).json()) as {
    drills: { id: string; status: string; incident: { id: string } | null }[];
  };
  const mine = drills.drills.find((d) => d.incident && roomUrl.endsWith(d.incident.id));
  expect(mine?.status).toBe("running");
  expect((await api.post(`/api/drills/${mine?.id}/cancel`)).status()).toBe(200);

  await responderPage.goto("/drills");
  await expect(responderPage.getByRole("button", { name: "Start drill" })).toHaveCount(0);
  await expect(responderPage.getByTestId("drill-row").first()).toBeVisible();
  await shoot(responderPage, "drills-390");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/drills");
  await expect(page.getByRole("button", { name: "Start drill" })).toBeVisible();
  await shoot(page, "drills-start-390");
});

test("two people work the payment drill at ×5; resolving it ends the drill and its report shows the times they took", async ({
  pageAs,
  apiAs,
}) => {
  const api = await apiAs("commander");
  const started = await api.post("/api/drills", { data: { scenarioKey: "payment-gateway-timeouts", speed: 5 } });
  expect(started.status(), await started.text()).toBe(201);
  const { drill } = (await started.json()) as { drill: { id: string; startedAt: string; incident: { id: string } } };
  const startedAt = Date.parse(drill.startedAt);

  const { page } = await pageAs("commander");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`/incidents/${drill.incident.id}`);
  const commander = room(page);
  await expectLive(commander);
  const { page: responderPage } = await pageAs("responder");
  await responderPage.setViewportSize({ width: 390, height: 844 });
  await responderPage.goto(`/incidents/${drill.incident.id}`);
  const responder = room(responderPage);
  await expectLive(responder);

  // The responder names the failing service from the composer once the first alert is in; the
  // commander sees it live. Wall times are bracketed by the test's own clock (the server's and the
  // browser's are the same machine's).
  await expect(responder.entry("Firing: PaymentGatewayTimeouts")).toBeVisible({ timeout: 10_000 });
  const before = Date.now();
  await responder.post("/hypothesis The payment gateway adapter's pool to the PSP is exhausted");
  await expect(commander.entry("pool to the PSP is exhausted")).toBeVisible();
  const after = Date.now();

  // Resolved (through the API, as the room's status control does after its confirmation).
  const resolved = await api.patch(`/api/incidents/${drill.incident.id}`, { data: { status: "resolved" } });
  expect(resolved.status(), await resolved.text()).toBe(200);
  // The banner of the open room turns into the way to the report, live.
  await page.getByTestId("drill-banner").getByRole("link", { name: "Open the drill report" }).click();
  await expect(page).toHaveURL(new RegExp(`/drills/${drill.id}$`));

  const body = (await (await api.get(`/api/drills/${drill.id}/report`)).json()) as {
    report: { speed: number; metrics: { key: string; wallMs: number | null; drillMs: number | null }[] };
  };
  const identify = body.report.metrics.find((m) => m.key === "identify");
  // The hypothesis was stored between `before` and `after`; scenario time is wall time × 5.
  expect(identify?.wallMs).toBeGreaterThanOrEqual(before - startedAt - 1_000);
  expect(identify?.wallMs).toBeLessThanOrEqual(after - startedAt + 1_000);
  expect(identify?.drillMs).toBe((identify?.wallMs ?? 0) * 5);
  // The page shows exactly those times, and the steps nobody did as not done.
  const metric = (key: string) => page.locator(`[data-metric="${key}"]`);
  await expect(metric("identify")).toContainText(formatDrillDuration(identify?.drillMs ?? 0));
  await expect(metric("identify")).toContainText(`wall ${formatDrillDuration(identify?.wallMs ?? 0)}`);
  await expect(metric("identify")).toContainText("Riley Responder");
  await expect(metric("severity")).toContainText("not done");
  await expect(metric("firstUpdate")).toContainText("not done");
  await shoot(page, "drill-report-fresh-1366");
});
