// The differentiator: money at stake per minute, set in the room and seen live elsewhere.
import path from "node:path";
import { formatPerMinute } from "@/lib/impact/format.ts";
import type { TriageDto } from "@/lib/impact/impact-dto.ts";
import { atRiskPerMinute } from "@/lib/impact/model.ts";
import { toImpactModel, type ImpactSettingsDto } from "@/lib/impact/settings-dto.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, room } from "./support/room.ts";
import { seedIncident, uniqueTag } from "./support/seed.ts";

test("setting checkout 40% degraded shows the expected $/min in another browser's room header and triage board", async ({
  pageAs,
  apiAs,
}) => {
  const api = await apiAs("commander");
  const incident = await seedIncident(api, { title: `Checkout timeouts ${uniqueTag()}`, severity: "SEV2" });
  const settings = (await (await api.get("/api/settings/impact")).json()) as ImpactSettingsDto;
  const model = toImpactModel(settings);
  // The same pure function the server uses, at the instant of each check: a minute, an hour of
  // the profile or a peak edge may pass while the test runs, so it is recomputed on every retry.
  const expected = () => formatPerMinute(atRiskPerMinute(model, { checkout: 40 }, new Date()).revenue, settings.currency);
  const roomUrl = `/incidents/${incident.id}`;

  // A viewer watches the room; a responder watches the triage board.
  const { page: watcher } = await pageAs("viewer");
  await watcher.goto(roomUrl);
  await expectLive(room(watcher));
  await expect(watcher.getByTestId("impact-per-minute")).toHaveText(formatPerMinute(0, settings.currency));
  const { page: board } = await pageAs("responder");
  await board.goto("/triage");
  const row = board.locator(`[data-testid="triage-row"][data-incident-id="${incident.id}"]`);
  await expect(row).toBeVisible();

  // The commander sets the impact in the room's side panel.
  const { page: commander } = await pageAs("commander");
  await commander.setViewportSize({ width: 1366, height: 768 });
  await commander.goto(roomUrl);
  await expectLive(room(commander));
  await commander.getByRole("button", { name: "Set impact" }).click();
  await commander.getByLabel("Journey", { exact: true }).selectOption("checkout");
  await commander.getByLabel("Degradation %").fill("40");
  await commander.getByText("Evidence (optional)").click();
  await commander.getByLabel("Failed checkouts").fill("120");
  await commander.getByRole("button", { name: "Save impact" }).click();

  await expect(async () => expect(await watcher.getByTestId("impact-per-minute").textContent()).toBe(expected())).toPass({
    timeout: 10_000,
  });
  await expect(async () => expect(await row.getByTestId("triage-per-minute").textContent()).toBe(expected())).toPass({ timeout: 10_000 });
  // Loss so far ticks between pushes.
  const loss = watcher.getByTestId("impact-loss");
  const first = await loss.textContent();
  await expect(loss).not.toHaveText(first ?? "", { timeout: 5_000 });
  // One timeline entry says who changed what.
  await expect(room(watcher).entry("Impact: Checkout 40% degraded (was 0%), 120 failed checkouts")).toHaveCount(1);

  // The board ranks it by score, the same order the API gives.
  const ranked = (await (await api.get("/api/triage")).json()) as TriageDto;
  const ids = await board.getByTestId("triage-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-incident-id")));
  expect(ids).toEqual(ranked.incidents.map((r) => r.incident.id));

  await commander
    .locator("header")
    .filter({ has: commander.getByRole("heading", { level: 1 }) })
    .screenshot({ path: path.join(SCREENS_DIR, "impact-room-header-1366.png") });
  await commander.screenshot({ path: path.join(SCREENS_DIR, "impact-room-1366.png") });
  await board.setViewportSize({ width: 1366, height: 768 });
  await board.screenshot({ path: path.join(SCREENS_DIR, "impact-triage-1366.png"), fullPage: true });
  await expectNoSeriousViolations(board);
  // On a phone the board is a list of cards, and the page never scrolls sideways.
  await board.setViewportSize({ width: 390, height: 844 });
  await expect(board.getByTestId("triage-card").first()).toBeVisible();
  expect(await board.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await board.screenshot({ path: path.join(SCREENS_DIR, "impact-triage-390.png"), fullPage: true });

  // The seeded INC-1 has a history of impact changes: its chart and figures.
  const demo = ranked.incidents.find((r) => r.incident.ref === "INC-1");
  if (demo) {
    await commander.goto(`/incidents/${demo.incident.id}`);
    await expect(commander.getByTestId("impact-chart")).toBeVisible();
    await commander.screenshot({ path: path.join(SCREENS_DIR, "impact-room-inc1-1366.png") });
    await commander.setViewportSize({ width: 390, height: 844 });
    await expect(commander.getByTestId("impact-per-minute")).toBeVisible();
    await commander.screenshot({ path: path.join(SCREENS_DIR, "impact-room-inc1-390.png") });
  }
});

test("the landing page is the triage board", async ({ pageAs }) => {
  const { page } = await pageAs("commander");
  await page.goto("/");
  await expect(page).toHaveURL(/\/triage$/);
  await expect(page).toHaveTitle("Triage · Warroom");
  await expect(page.getByRole("table", { name: /Active incidents ranked by priority/ })).toBeVisible();
});

test("an admin edits impact settings; a bad baseline names the field and saves nothing; others read only", async ({ pageAs }) => {
  const { page } = await pageAs("admin");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/settings/impact");
  await expect(page).toHaveTitle("Impact baselines · Settings · Warroom");
  const revenue = page.getByLabel("Checkout revenue / min");
  const before = await revenue.inputValue();
  await revenue.fill("-5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("revenuePerMinute cannot be negative").first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Checkout revenue / min")).toHaveValue(before);
  await page.screenshot({ path: path.join(SCREENS_DIR, "impact-settings-1366.png"), fullPage: true });
  await expectNoSeriousViolations(page);

  const { page: viewer } = await pageAs("viewer");
  await viewer.goto("/settings/impact");
  await expect(viewer.getByText(/Read only/)).toBeVisible();
  await expect(viewer.getByLabel("Checkout revenue / min")).toBeDisabled();
});
