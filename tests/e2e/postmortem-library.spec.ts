// Leadership's side of post-mortems: the library (search, filters, Markdown export), the open
// follow-ups across post-mortems, and the insights charts, all on the demo seed's history.
import path from "node:path";
import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { authFile } from "./support/auth.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";

const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} is ${overflow}px wider than the viewport`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true, animations: "disabled" });
}

const rows = (page: Page) => page.getByTestId("postmortem-row");

test.describe("signed in as viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("the library lists published post-mortems; search and filters narrow it", async ({ page }) => {
    await page.goto("/postmortems");
    await expect(page).toHaveTitle("Post-mortems · Warroom");
    await expect(rows(page)).toHaveCount(4);
    // Drafts are not the viewer's to read.
    await expect(rows(page).filter({ hasText: "Returns API release" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Post-mortem status" })).toHaveCount(0);

    // Words from a section's text, not the title.
    await page.getByLabel("Search post-mortems").fill("connection pool of 8");
    await page.getByLabel("Search post-mortems").press("Enter");
    await expect(page).toHaveURL(/q=connection/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText("Inventory sync lag");

    await page.goto("/postmortems");
    await page.getByLabel("Severity").selectOption("SEV3");
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText("Product feed delay");

    await page.goto("/postmortems");
    await page.getByLabel("Customer journey").selectOption("search");
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText("Search index stale");

    await page.goto("/postmortems?teamId=00000000-0000-4000-8000-000000000000");
    await expect(page.getByText("No post-mortems match.")).toBeVisible();
  });

  test("a published post-mortem downloads as Markdown", async ({ page, apiAs }) => {
    await page.goto("/postmortems?q=flash+sale");
    await expect(rows(page)).toHaveCount(1);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      rows(page)
        .first()
        .getByRole("link", { name: /Markdown/ })
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^inc-\d+-postmortem-r1\.md$/);

    const href = await rows(page)
      .first()
      .getByRole("link", { name: /Markdown/ })
      .getAttribute("href");
    const res = await (await apiAs("viewer")).get(href ?? "");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/markdown");
    expect(res.headers()["content-disposition"]).toContain("attachment");
    const text = await res.text();
    expect(text).toMatch(/^# Payment gateway timeouts during the flash sale\n/);
    expect(text).toContain("## Contributing factors");
    expect(text).toContain("| Size the PSP connection pool for sale traffic and alert at 80% | Payments (team) |");
  });

  test("insights draw their charts, accessibly", async ({ page }) => {
    await page.goto("/insights");
    await expect(page).toHaveTitle("Insights · Warroom");
    for (const id of [
      "chart-incidents-per-week",
      "chart-mtta",
      "chart-mttr",
      "chart-loss-journey",
      "chart-loss-service",
      "chart-follow-up-completion",
    ]) {
      await expect(page.getByTestId(id)).toBeVisible();
    }
    await expect(page.getByTestId("chart-loss-journey")).toHaveAttribute("aria-label", /Checkout \$[\d,]+/);
    await expectNoSeriousViolations(page);
    await page.getByRole("link", { name: "4 weeks" }).click();
    await expect(page).toHaveURL(/weeks=4/);
    await expect(page.getByRole("link", { name: "4 weeks" })).toHaveAttribute("aria-current", "page");
  });
});

test.describe("signed in as commander", () => {
  test.use({ storageState: authFile("commander") });

  test("screens: library, follow-ups, insights at 1366 px and on a phone", async ({ page }) => {
    test.setTimeout(120_000);
    for (const [url, name] of [
      ["/postmortems", "postmortems"],
      ["/follow-ups", "follow-ups"],
      ["/insights", "insights"],
    ] as const) {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await shoot(page, `${name}-1366`);
      await page.setViewportSize(PHONE);
      await page.goto(url);
      await shoot(page, `${name}-phone`);
    }
  });

  test("follow-ups and the drafts tab pass axe", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/follow-ups");
    await expect(page.getByTestId("action-item").first()).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.goto("/postmortems?status=draft");
    await expect(rows(page).filter({ hasText: "Returns API release" })).toHaveCount(1);
    await expectNoSeriousViolations(page);
  });

  test("follow-ups list overdue items first; a status change shows at once and in another browser", async ({ page, pageAs }) => {
    await page.goto("/follow-ups");
    await expect(page).toHaveTitle("Follow-ups · Warroom");
    const items = page.getByTestId("action-item");
    const first = items.first();
    await expect(first).toHaveAttribute("data-overdue", "true");
    await expect(first).toContainText("Purge storefront stock cache");
    await expect(first.getByTestId("overdue-flag")).toHaveText(/Overdue/);
    // Every overdue item comes before every item that is not.
    const flags = await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-overdue") === "true"));
    expect(flags.indexOf(false)).toBeGreaterThan(0);
    expect(flags.slice(flags.indexOf(false))).not.toContain(true);

    await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "live");
    const { page: other } = await pageAs("responder");
    await other.goto("/follow-ups");
    await expect(other.getByTestId("connection")).toHaveAttribute("data-state", "live");
    const mirrored = other.getByTestId("action-item").filter({ hasText: "Purge storefront stock cache" });
    await expect(mirrored.getByTestId("action-item-status")).toHaveValue("in_progress");

    await first.getByTestId("action-item-status").selectOption("done");
    await expect(first.getByTestId("action-item-status")).toHaveValue("done");
    await expect(first.getByTestId("overdue-flag")).toHaveCount(0);
    await expect(mirrored.getByTestId("action-item-status")).toHaveValue("done");
    await expect(mirrored.getByTestId("overdue-flag")).toHaveCount(0);

    // Gone from the list on the next visit: it is no longer open.
    await page.reload();
    await expect(page.getByTestId("action-item").filter({ hasText: "Purge storefront stock cache" })).toHaveCount(0);
  });
});

test.describe("signed in as responder", () => {
  test("the library opens a post-mortem's action items; one added there reaches the follow-ups page live", async ({ page, pageAs }) => {
    const { page: followUps } = await pageAs("commander");
    await followUps.goto("/follow-ups");
    await expect(followUps.getByTestId("connection")).toHaveAttribute("data-state", "live");

    await page.goto("/postmortems?q=flash+sale");
    await page
      .getByRole("button", { name: /open follow-ups of Payment gateway timeouts during the flash sale: show action items/ })
      .click();
    const panel = page.getByTestId("action-items-panel");
    await expect(panel.getByTestId("action-item")).toHaveCount(4);
    await panel.getByRole("button", { name: "Add action item" }).click();
    const form = panel.getByRole("form", { name: "Add an action item" });
    const title = `Chaos drill for PSP timeouts ${Date.now()}`;
    await form.getByLabel("Action").fill(title);
    await form.getByLabel("Owner").selectOption({ label: "Payments" });
    await form.getByLabel("Due date").fill("2099-01-15");
    await form.getByRole("button", { name: "Add action item" }).click();
    await expect(panel.getByTestId("action-item").filter({ hasText: title })).toContainText("Payments");

    const arrived = followUps.getByTestId("action-item").filter({ hasText: title });
    await expect(arrived).toContainText("INC-4");
    await expect(arrived.getByTestId("action-item-status")).toHaveValue("open");
  });

  test.use({ storageState: authFile("responder") });

  test("a follow-up is edited in place; a ticket link that is not http(s) is refused beside its field", async ({ page }) => {
    await page.goto("/follow-ups");
    const title = "Validate attribute values on save in PIM";
    await page.getByRole("button", { name: `Edit "${title}"` }).click();
    const form = page.getByRole("form", { name: `Edit action item ${title}` });
    await form.getByLabel("Ticket link").fill("javascript:alert(1)");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("alert")).toHaveText("ticketUrl must be an http(s) URL");
    await expect(form.getByLabel("Ticket link")).toHaveAttribute("aria-invalid", "true");

    await form.getByLabel("Ticket link").fill("https://tickets.example.com/PIM-60");
    await form.getByLabel("Priority").selectOption("high");
    await form.getByRole("button", { name: "Save" }).click();
    const saved = page.getByTestId("action-item").filter({ hasText: title });
    await expect(saved.getByRole("link", { name: /Ticket/ })).toHaveAttribute("href", "https://tickets.example.com/PIM-60");
    await expect(saved).toContainText("High");
  });
});
