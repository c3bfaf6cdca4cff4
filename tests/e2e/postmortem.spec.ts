// Blameless post-mortems: drafted from the room, written together live, reviewed, published.
import path from "node:path";
import type { Page } from "@playwright/test";
import type { PostmortemDto } from "@/lib/postmortems/postmortem-dto.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { seedIncidentForPostmortem, seedPostmortem, sectionOf } from "./support/postmortem.ts";
import { expectLive, markNoReload, expectNotReloaded, room } from "./support/room.ts";
import { uniqueTag } from "./support/seed.ts";

const section = (page: Page, key: string) => page.locator(`[data-testid="pm-editor"] [data-section="${key}"]`);
const live = (page: Page) => expect(page.getByTestId("pm-live")).toHaveText(/Live/);

test("resolving an incident offers a draft that carries its pinned moment and impact", async ({ pageAs, apiAs }) => {
  const api = await apiAs("commander");
  const pinned = `Rolled back payments-api to v41 ${uniqueTag()}`;
  const incident = await seedIncidentForPostmortem(api, pinned);

  const { page } = await pageAs("commander");
  await page.goto(`/incidents/${incident.id}`);
  await expectLive(room(page));
  await expect(page.getByRole("button", { name: "Draft post-mortem" })).toHaveCount(0);
  await page.getByLabel("Change status").selectOption("resolved");
  await page.getByTestId("status-confirm").getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByRole("button", { name: "Draft post-mortem" })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS_DIR, "room-resolved-postmortem-1366.png"), animations: "disabled" });
  await page.getByRole("button", { name: "Draft post-mortem" }).click();

  await page.waitForURL(/\/postmortems\/[0-9a-f-]+$/);
  await live(page);
  await expect(section(page, "timeline")).toContainText(pinned);
  const impact = section(page, "impact");
  await expect(impact.getByRole("row", { name: /Revenue lost or at risk/ })).toContainText(/\$[\d,]+/);
  // Resolution ended the impact: how bad it was and until when, in the organisation's zone.
  await expect(impact).toContainText(/Checkout: was 40% degraded until \d+ \w+, \d\d:\d\d \S+ \(120 failed checkouts\)/);
  await expect(page.getByTestId("fact-sheet")).toContainText("Revenue lost or at risk");
  await expect(section(page, "appendix")).toContainText(pinned);
  await page.screenshot({ path: path.join(SCREENS_DIR, "postmortem-editor-1366.png"), fullPage: false, animations: "disabled" });

  // Back in the room, the same button now opens it.
  await page.goto(`/incidents/${incident.id}`);
  await expect(page.getByRole("link", { name: "Open post-mortem" })).toBeVisible();
});

test("two people edit different sections and each sees the other's change live", async ({ pageAs, apiAs }) => {
  const pm = await seedPostmortem(await apiAs("commander"));
  const { page: casey } = await pageAs("commander");
  const { page: riley } = await pageAs("responder");
  await casey.goto(`/postmortems/${pm.id}`);
  await riley.goto(`/postmortems/${pm.id}`);
  await live(casey);
  await live(riley);
  const noReload = await markNoReload(riley);

  const factors = `Retry storm from the OMS client ${uniqueTag()}`;
  const lessons = `Feature flags beat rollbacks ${uniqueTag()}`;
  await casey.getByRole("button", { name: "Edit Contributing factors" }).click();
  // Riley sees who is editing what.
  await expect(section(riley, "contributing_factors").getByTestId("section-editing")).toContainText("Casey Commander is editing");
  await riley.getByRole("button", { name: "Edit Lessons" }).click();
  await casey.getByLabel("Contributing factors (Markdown)").fill(factors);
  await riley.getByLabel("Lessons (Markdown)").fill(lessons);
  await casey.getByRole("button", { name: "Save section" }).click();
  await riley.getByLabel("Lessons (Markdown)").press("Control+Enter");

  await expect(section(riley, "contributing_factors")).toContainText(factors);
  await expect(section(casey, "lessons")).toContainText(lessons);
  await expect(section(riley, "lessons")).toContainText(lessons);
  await expectNotReloaded(riley, noReload);
});

test("the same section saved by two people shows the second a merge view and loses nothing", async ({ pageAs, apiAs }) => {
  const pm = await seedPostmortem(await apiAs("commander"));
  const { page: casey } = await pageAs("commander");
  const { page: riley } = await pageAs("responder");
  await casey.goto(`/postmortems/${pm.id}`);
  await riley.goto(`/postmortems/${pm.id}`);
  await live(casey);
  await live(riley);

  const first = `Alert fired 4 minutes late ${uniqueTag()}`;
  const second = `Customers reported it first on social ${uniqueTag()}`;
  await casey.getByRole("button", { name: "Edit Detection" }).click();
  await riley.getByRole("button", { name: "Edit Detection" }).click();
  await casey.getByLabel("Detection (Markdown)").fill(first);
  await riley.getByLabel("Detection (Markdown)").fill(second);
  await casey.getByRole("button", { name: "Save section" }).click();
  await expect(section(casey, "detection")).toContainText(first);
  // Riley is warned before saving, then gets both versions side by side.
  await expect(riley.getByTestId("stale-notice")).toBeVisible();
  await riley.getByRole("button", { name: "Save section" }).click();
  const merge = riley.getByTestId("conflict-merge");
  await expect(merge).toContainText("Someone changed this section while you were editing");
  await expect(merge.getByTestId("merge-theirs")).toContainText(first);
  await expect(merge.getByTestId("merge-mine")).toHaveValue(second);
  await riley.screenshot({ path: path.join(SCREENS_DIR, "postmortem-conflict-1366.png"), animations: "disabled" });

  // Their text survives a reload while unsaved (kept in this browser).
  await riley.reload();
  await expect(riley.getByLabel("Detection (Markdown)")).toHaveValue(second);
  await riley.getByRole("button", { name: "Save section" }).click();
  await riley.getByRole("button", { name: "Put theirs above mine" }).click();
  await riley.getByRole("button", { name: "Save merged detection" }).click();
  await expect(section(riley, "detection")).toContainText(first);
  await expect(section(riley, "detection")).toContainText(second);
  await expect(section(casey, "detection")).toContainText(second);
});

test("a published post-mortem reads as a document for a viewer, who cannot edit it", async ({ pageAs, apiAs }) => {
  const api = await apiAs("commander");
  const pm = await seedPostmortem(api);
  const lessons = `Flags first, rollbacks second ${uniqueTag()}`;
  expect(
    (
      await api.put(`/api/postmortems/${pm.id}/sections/lessons`, {
        data: { body: lessons, baseVersion: sectionOf(pm, "lessons").version },
      })
    ).status(),
  ).toBe(200);

  const { page: casey } = await pageAs("commander");
  await casey.goto(`/postmortems/${pm.id}`);
  await live(casey);
  await casey.getByRole("button", { name: "Ask for review" }).click();
  await casey.getByRole("checkbox", { name: "Ada Admin" }).check();
  await casey.getByRole("button", { name: "Send for review" }).click();
  await expect(casey.getByTestId("pm-status")).toHaveText(/In review/);
  await expect(casey.getByRole("button", { name: "Publish" })).toBeDisabled();
  const admin = await apiAs("admin");
  expect((await admin.post(`/api/postmortems/${pm.id}/reviews`, { data: { state: "approved", comment: "Reads well" } })).status()).toBe(
    200,
  );
  await expect(casey.getByTestId("reviews")).toContainText("Ada Admin approved");
  await casey.getByRole("button", { name: "Publish" }).click();
  await expect(casey.getByTestId("pm-status")).toHaveText(/Published/);

  const { page: vic } = await pageAs("viewer");
  await vic.goto(`/postmortems/${pm.id}`);
  const doc = vic.getByTestId("pm-document");
  await expect(doc.getByRole("heading", { name: "Lessons" })).toBeVisible();
  await expect(doc).toContainText(lessons);
  await expect(vic.getByText("revision 1 published")).toBeVisible();
  await expect(vic.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  await expect(vic.getByRole("textbox")).toHaveCount(0);
  await expect(vic.getByRole("button", { name: /Publish|Approve|Ask for review/ })).toHaveCount(0);
  await vic.screenshot({ path: path.join(SCREENS_DIR, "postmortem-read-1366.png"), fullPage: true, animations: "disabled" });
  await vic.emulateMedia({ media: "print" });
  await expect(vic.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(vic.getByRole("button", { name: "Print" })).toBeHidden();
  await vic.screenshot({ path: path.join(SCREENS_DIR, "postmortem-print.png"), fullPage: true, animations: "disabled" });
  await vic.emulateMedia({ media: "screen" });

  const viewerApi = await apiAs("viewer");
  const refused = await viewerApi.put(`/api/postmortems/${pm.id}/sections/lessons`, {
    data: { body: "Rewritten by a viewer", baseVersion: 2 },
  });
  expect(refused.status()).toBe(403);
  const after = (await (await viewerApi.get(`/api/postmortems/${pm.id}`)).json()) as PostmortemDto;
  expect(sectionOf(after, "lessons").body).toBe(lessons);
});

test("script, event-handler and javascript: payloads render inert, and the pages pass axe", async ({ pageAs, apiAs }) => {
  // Three axe runs on two cores shared with the server.
  test.setTimeout(150_000);
  const api = await apiAs("commander");
  const pm = await seedPostmortem(api);
  const payload = [
    "<script>window.__pmXss = 'script'</script>",
    "",
    "<img src=x onerror=\"window.__pmXss = 'onerror'\">",
    "",
    "[click me](javascript:window.__pmXss='link') and [safe](https://example.com/runbook)",
  ].join("\n");
  const saved = await api.put(`/api/postmortems/${pm.id}/sections/summary`, {
    data: { body: payload, baseVersion: sectionOf(pm, "summary").version },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const title = await api.patch(`/api/postmortems/${pm.id}`, {
    data: { title: `<img src=x onerror="window.__pmXss='title'"> ${uniqueTag()}` },
  });
  expect(title.status()).toBe(200);

  const { page } = await pageAs("commander");
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`/postmortems/${pm.id}`);
  await live(page);
  const summary = section(page, "summary");
  await expect(summary).toContainText("<script>window.__pmXss = 'script'</script>");
  await expect(summary).toContainText("<img src=x onerror=");
  await expect(summary.locator("img, script")).toHaveCount(0);
  await expect(summary.getByRole("link", { name: "click me" })).toHaveCount(0);
  await expect(summary.getByRole("link", { name: "safe" })).toHaveAttribute("href", "https://example.com/runbook");
  await summary.getByText("click me").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<img src=x");
  expect(await page.evaluate(() => Reflect.get(window, "__pmXss") as unknown)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expectNoSeriousViolations(page);

  // The blame check warns while writing, and the document view passes axe too.
  await page.getByRole("button", { name: "Edit Lessons" }).click();
  await page.getByLabel("Lessons (Markdown)").fill("It was human error: they should have known.");
  await expect(page.getByTestId("blame-warnings")).toContainText("human error");
  await expect(page.getByTestId("blame-warnings")).toContainText("should have known");
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Document", exact: true }).click();
  await expect(page.getByTestId("pm-document")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("GFM tables, task lists and autolinks render, and a wide table scrolls in its box on a phone", async ({ pageAs, apiAs }) => {
  test.setTimeout(120_000);
  const api = await apiAs("commander");
  const pm = await seedPostmortem(api);
  const wide = "| Time (UTC) | Service | Errors | p99 latency | Checkout conversion | Revenue at risk | Who noticed | What we did next |";
  const body = [
    "Impact, hour by hour:",
    "",
    wide,
    "| :-- | :-- | --: | --: | --: | --: | :-- | :-- |",
    "| 14:02 | payments-api | 1,204 | 2,310 ms | 61.2 % | $18,400 | the PSP's status page, not our alerts | rolled back to v41 and paged payments |",
    "| 14:20 | checkout-web | 87 | 640 ms | 78.9 % | $2,150 | the on-call, from the SLO burn alert | kept the feature flag off until 15:00 |",
    "",
    "- [x] rolled back payments-api",
    "- [ ] alert on the PSP error rate",
    "",
    "Status page: https://status.example.com/incidents/42 and [a trap](javascript:window.__pmXss='table').",
  ].join("\n");
  const saved = await api.put(`/api/postmortems/${pm.id}/sections/summary`, {
    data: { body, baseVersion: sectionOf(pm, "summary").version },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  const { page } = await pageAs("commander");
  await page.goto(`/postmortems/${pm.id}`);
  // Two cores shared with the server: the socket can take longer than the default 5 s here.
  await expect(page.getByTestId("pm-live")).toHaveText(/Live/, { timeout: 20_000 });
  const summary = section(page, "summary");
  const table = summary.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveCount(8);
  await expect(table.getByRole("row", { name: /14:02/ }).getByRole("cell").nth(2)).toHaveText("1,204");
  await expect(summary.getByRole("img", { name: "done", exact: true })).toHaveCount(1);
  await expect(summary.getByRole("img", { name: "not done", exact: true })).toHaveCount(1);
  await expect(summary.getByRole("link", { name: "https://status.example.com/incidents/42" })).toHaveAttribute(
    "href",
    "https://status.example.com/incidents/42",
  );
  await expect(summary.getByRole("link", { name: "a trap" })).toHaveCount(0);
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENS_DIR, "postmortem-table-1366.png"), animations: "disabled" });
  // The scrolling table box, task marks and links pass axe (at desktop width: the app header's
  // logo link loses its name on a phone, which is not this page's doing).
  await expectNoSeriousViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(table).toBeVisible();
  // The page keeps the phone's width; the table's box scrolls sideways instead.
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  const box = summary.getByRole("region", { name: /^Table: Time \(UTC\), Service, Errors/ });
  await expect(box.getByRole("table")).toBeVisible();
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  // Readable rows: prose wraps at a width that reads (two or three lines), not one word a line.
  const rowHeights = await table.getByRole("row").evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
  expect(Math.max(...rowHeights), `row heights ${rowHeights.join(", ")}`).toBeLessThan(90);
  // A keyboard reaches the box and scrolls it.
  await box.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENS_DIR, "postmortem-table-390.png"), animations: "disabled" });
  await page.getByRole("button", { name: "Document", exact: true }).click();
  const documentTable = page.getByTestId("pm-document").getByRole("region", { name: "Summary" }).getByRole("table");
  await expect(documentTable).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await documentTable.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENS_DIR, "postmortem-table-document-390.png"), animations: "disabled" });
});

test("an admin adds a template and makes it a severity's default", async ({ pageAs }) => {
  const { page } = await pageAs("admin");
  await page.goto("/settings/postmortems");
  await expect(page).toHaveTitle(/Post-mortem templates/);
  await expectNoSeriousViolations(page);
  const name = `Payments review ${uniqueTag()}`;
  await page.getByRole("button", { name: "New template", exact: true }).click();
  await page.getByLabel("Name").fill(name);
  await page
    .getByLabel("Sections (Markdown)")
    .fill("## Summary\nShort.\n\n## PSP contact log\nWho at the PSP we spoke to, when.\n\n## Appendix {#appendix}\n");
  await expect(page.getByText("3 sections: Summary · PSP contact log · Appendix")).toBeVisible();
  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page.getByTestId("template-list")).toContainText(name);
  await page.getByLabel("SEV4 · Low").selectOption({ label: name });
  await page.getByRole("button", { name: "Save defaults" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS_DIR, "settings-postmortems-1366.png"), fullPage: true, animations: "disabled" });
  // Put the built-in default back so other tests draft SEV4 from it.
  await page.getByLabel("SEV4 · Low").selectOption({ label: "Short review" });
  await page.getByRole("button", { name: "Save defaults" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
});
