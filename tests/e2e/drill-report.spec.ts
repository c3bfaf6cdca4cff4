// The demo's finished payment-gateway drill: reached from the readiness board's "last drill",
// its report shows the times in scenario and wall time, who was never told, and turns a lesson
// into an action item in one click. Readable on a laptop and a phone.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { authFile } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";

async function shoot(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} is ${overflow}px wider than the viewport`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true, animations: "disabled" });
  if (process.env.SCREENS_COPY_DIR)
    fs.copyFileSync(path.join(SCREENS_DIR, `${name}.png`), path.join(process.env.SCREENS_COPY_DIR, `${name}.png`));
}

/** The seeded drill's report, found the way a person finds it: the gateway's last drill on /readiness. */
async function openDemoReport(page: Page, isPhone = false): Promise<void> {
  await page.goto("/readiness");
  // On a phone the board is a list of cards carrying the same link.
  const link = isPhone
    ? page
        .getByRole("list", { name: "Services against the coming peak" })
        .getByRole("link", { name: /last drill of Payment gateway adapter/ })
    : page
        .getByTestId("readiness-row")
        .filter({ hasText: "Payment gateway adapter" })
        .getByTestId("readiness-last-drill")
        .getByRole("link");
  await expect(link).toContainText("✓");
  await link.click();
  await expect(page).toHaveURL(/\/drills\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Drill report: Payment gateway adapter timeouts");
}

test.describe("drill report", () => {
  test.use({ storageState: authFile("commander") });

  test("shows the seeded drill's times, the team never told and the loss", async ({ page }) => {
    await openDemoReport(page);
    await expect(page).toHaveTitle(/Drill report · Payment gateway adapter timeouts/);
    await expect(page.getByText(/speed ×2 · 32m wall = 1h 04m of scenario/)).toBeVisible();

    // Wall minutes in the seed × 2 = scenario time; wall time under each.
    const metric = (key: string) => page.locator(`[data-metric="${key}"]`);
    await expect(metric("acknowledge")).toContainText("4m");
    await expect(metric("acknowledge")).toContainText("wall 2m");
    await expect(metric("severity")).toContainText("14m");
    await expect(metric("impact")).toContainText("10m");
    await expect(metric("notifyAll")).toContainText("not done");
    await expect(metric("identify")).toContainText("24m");
    await expect(metric("confirm")).toContainText("32m");
    await expect(metric("firstUpdate")).toContainText("20m");
    // Real incidents' median MTTA is there to compare with (the drill itself never counts).
    await expect(metric("acknowledge")).toContainText(/faster|slower|same/);

    const summary = page.getByTestId("drill-summary");
    await expect(summary).toContainText("Teams never told");
    await expect(summary).toContainText("Fulfillment");
    await expect(summary).toContainText(/Simulated loss\s*\$[\d,]+/);
    await expect(page.getByTestId("drill-teams").getByRole("listitem").filter({ hasText: "Fulfillment" })).toContainText("never told");
    await expect(page.getByTestId("drill-lessons")).toContainText("Fulfillment was never told");

    await shoot(page, "drill-report-1366");
    await expectNoSeriousViolations(page);
  });

  test("on a phone, each step is a card", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openDemoReport(page, true);
    await expect(page.getByTestId("drill-metric-card")).toHaveCount(7);
    await expect(page.getByTestId("drill-metric-card").filter({ hasText: "Set severity" })).toContainText("14m");
    await shoot(page, "drill-report-390");
  });

  test("a suggested action item is created in one click", async ({ page }) => {
    await openDemoReport(page);
    const create = page.getByRole("button", {
      name: "Create action item: Add Fulfillment to the teams told when Payment gateway adapter fails",
    });
    await create.click();
    const created = page.getByTestId("drill-actions").getByRole("link", { name: /Action item created/ });
    await expect(created).toBeVisible();
    await created.click();
    await expect(page).toHaveURL(/\/postmortems\//);
    await expect(page.getByText("Add Fulfillment to the teams told when Payment gateway adapter fails").first()).toBeVisible();
  });
});
