// The readiness board on the demo catalog: riskiest first, every gap a link to where it is fixed,
// readable on a laptop and a phone.
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
}

const money = (text: string) => Number(text.replace(/[^0-9.]/g, "")) || 0;

test.describe("readiness board", () => {
  test.use({ storageState: authFile("commander") });

  test("ranks services by money at stake and links each gap to its fix", async ({ page }) => {
    await page.goto("/readiness");
    await expect(page).toHaveTitle("Peak readiness · Warroom");
    await expect(page.getByTestId("readiness-peak")).toContainText("Black Friday – Cyber Monday");

    // The demo's 15 services, and whatever other specs added to the shared organisation before.
    const rows = page.getByTestId("readiness-row");
    const total = Number(/of (\d+) services ready/.exec((await page.getByTestId("readiness-summary").textContent()) ?? "")?.[1]);
    expect(total).toBeGreaterThanOrEqual(15);
    await expect(rows).toHaveCount(total);
    const stakes = (await rows.locator("td:nth-child(3)").allInnerTexts()).map(money);
    expect(stakes).toEqual([...stakes].sort((a, b) => b - a));
    expect(stakes[0]).toBeGreaterThan(0);
    await shoot(page, "readiness-1366");
    await expectNoSeriousViolations(page);

    // "Most gaps" puts the service with the most red cells first.
    await page.getByLabel("Sort by").selectOption("gaps");
    const gapsPerRow = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("a.text-bad").length));
    expect(gapsPerRow).toEqual([...gapsPerRow].sort((a, b) => b - a));

    // A gap is a link to the place that fixes it.
    const fix = page.getByRole("link", { name: /fix runbook of / }).first();
    await expect(fix).toBeVisible();
    const service = ((await fix.textContent()) ?? "").replace(/^.*fix runbook of /, "").trim();
    await fix.click();
    await expect(page).toHaveURL(/\/catalog\/services\//);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(service);
  });

  test("on a phone, each service is a card that names its gaps", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/readiness");
    const list = page.getByRole("list", { name: "Services against the coming peak" });
    await expect(list).toBeVisible();
    await expect(list.getByText(/No runbook|No health check|No alert source|✓ Ready/).first()).toBeVisible();
    await shoot(page, "readiness-390");
  });
});
