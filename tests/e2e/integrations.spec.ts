// Alert ingest end to end: an admin connects a source, monitoring posts an alert, and the
// commander's triage board shows the incident it opened without a reload.
import path from "node:path";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, room } from "./support/room.ts";
import { uniqueTag } from "./support/seed.ts";

test("an alert posted to a new generic integration opens an incident a commander sees live", async ({ pageAs, playwright }) => {
  const tag = uniqueTag();
  const { page: admin } = await pageAs("admin");
  await admin.setViewportSize({ width: 1366, height: 900 });
  await admin.goto("/settings/integrations");
  await expect(admin.getByRole("heading", { name: "Alert sources" })).toBeVisible();
  await admin.getByLabel("Source", { exact: true }).selectOption("generic");
  await admin.getByLabel("Name", { exact: true }).fill(`Synthetic checks ${tag}`);
  await admin.getByRole("button", { name: "Create integration" }).click();

  const notice = admin.getByTestId("new-integration");
  await expect(notice).toBeVisible();
  const url = (await notice.getByTestId("webhook-url").textContent()) ?? "";
  const secret = (await notice.getByTestId("webhook-secret").textContent()) ?? "";
  expect(url).toMatch(/\/api\/webhooks\/[0-9a-f-]{36}$/);
  expect(secret).toMatch(/^whk_/);

  // The commander watches the triage board, connected live.
  const { page: board } = await pageAs("commander");
  await board.goto("/triage");
  await expectLive(room(board));

  // Monitoring posts with nothing but the secret: no session, no API token.
  const monitor = await playwright.request.newContext();
  const title = `Checkout API 5xx above 5% ${tag}`;
  const alert = {
    dedupKey: `checkout-5xx-${tag}`,
    title,
    service: "checkout-api",
    severity: "critical",
    description: "5xx rate 7.2% over 5 min",
  };
  const refused = await monitor.post(url, { data: alert, headers: { "x-warroom-secret": "whk_wrong" } });
  expect(refused.status()).toBe(401);
  const accepted = await monitor.post(url, { data: alert, headers: { "x-warroom-secret": secret } });
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toMatchObject({ received: 1, opened: 1 });
  // A repeat is counted, not a second incident.
  expect(await (await monitor.post(url, { data: alert, headers: { "x-warroom-secret": secret } })).json()).toMatchObject({
    repeats: 1,
    opened: 0,
  });
  await monitor.dispose();

  const row = board.getByTestId("triage-row").filter({ hasText: title });
  await expect(row).toHaveCount(1, { timeout: 10_000 });
  await expect(row).toContainText("SEV2");

  // The room opens on the alert, with Checkout API marked impacted.
  await row.click();
  await expect(room(board).entry(`Firing: ${title}`)).toHaveCount(1);
  await expect(room(board).entry("Impacted: Checkout API")).toHaveCount(1);
  await board.screenshot({ path: path.join(SCREENS_DIR, "integrations-room.png") });

  // The admin sees it among the integration's recent alerts, counted twice.
  await admin.getByRole("button", { name: "I have copied it" }).click();
  await admin.getByRole("button", { name: "Refresh" }).click();
  const recent = admin.getByTestId("recent-alerts").getByRole("row").filter({ hasText: title });
  await expect(recent).toContainText("Firing");
  await expect(recent).toContainText("2");
  await admin.getByText("Setup instructions").click();
  await admin.screenshot({ path: path.join(SCREENS_DIR, "integrations.png"), fullPage: true });

  await expectNoSeriousViolations(admin);
});

test("a new Datadog integration shows the payload template to paste", async ({ pageAs }) => {
  const { page } = await pageAs("admin");
  await page.goto("/settings/integrations");
  await page.getByLabel("Source", { exact: true }).selectOption("datadog");
  await page.getByLabel("Name", { exact: true }).fill(`Datadog ${uniqueTag()}`);
  await page.getByRole("button", { name: "Create integration" }).click();
  const template = page.getByTestId("new-integration").getByTestId("datadog-template");
  await expect(template).toContainText('"aggregate": "$AGGREG_KEY"');
  await expect(template).toContainText('"transition": "$ALERT_TRANSITION"');
  await page.screenshot({ path: path.join(SCREENS_DIR, "integrations-datadog.png"), fullPage: true });
});
