// Outbound notifications end to end: an admin points a Slack channel at a receiver, an incident is
// declared, the receiver gets a message naming it and the delivery log shows it delivered.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { seedIncident, uniqueTag } from "./support/seed.ts";

let receiver: Server;
let base: string;
const bodies: { path: string; body: string }[] = [];

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      bodies.push({ path: req.url ?? "", body: Buffer.concat(chunks).toString("utf8") });
      // A broken destination next to the working one, for the log's failure rows.
      if (req.url?.startsWith("/broken")) res.writeHead(500).end("channel_is_archived");
      else res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

test("an admin connects Slack; a declared incident reaches it and the delivery log shows it delivered", async ({ pageAs, apiAs }) => {
  const tag = uniqueTag();
  const { page } = await pageAs("admin");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/settings/notifications");
  await expect(page).toHaveTitle(/Notifications · Settings/);
  await expect(page.getByRole("heading", { name: "Notification channels" })).toBeVisible();

  // Plain http to the internet is refused, naming the field.
  await page.getByRole("button", { name: /Add channel/ }).click();
  await page.getByLabel("Kind").selectOption("slack");
  await page.getByLabel("Name").fill(`#incidents ${tag}`);
  await page.getByLabel("Webhook URL").fill("http://hooks.example.com/services/x");
  await page.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByText("url must use https://")).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS_DIR, "notifications-form.png") });

  await page.getByLabel("Webhook URL").fill(`${base}/slack-${tag}`);
  await page.getByRole("button", { name: "Add channel" }).click();
  const row = page.getByTestId("channel-row").filter({ hasText: `#incidents ${tag}` });
  await expect(row).toContainText("Every incident");
  await expect(row).toContainText("All events");

  // A second channel that always fails: its messages are retried, never holding anything up.
  await page.getByRole("button", { name: /Add channel/ }).click();
  await page.getByLabel("Name").fill(`Archived ${tag}`);
  await page.getByLabel("Webhook URL").fill(`${base}/broken-${tag}`);
  await page.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByTestId("channel-row").filter({ hasText: `Archived ${tag}` })).toHaveCount(1);

  const commander = await apiAs("commander");
  const title = `Card payments declined at checkout ${tag}`;
  const started = Date.now();
  const incident = await seedIncident(commander, { title, severity: "SEV1" });
  expect(Date.now() - started).toBeLessThan(3_000);

  // The receiver gets a Slack body naming the incident and linking to its room, within seconds.
  await expect.poll(() => bodies.find((b) => b.path === `/slack-${tag}`)?.body ?? "", { timeout: 15_000 }).toContain(title);
  const slack = JSON.parse(bodies.find((b) => b.path === `/slack-${tag}`)!.body) as { text: string; blocks: unknown[] };
  expect(slack.text).toContain(`${incident.ref} ${title}`);
  expect(slack.text).toContain(`/incidents/${incident.id}`);

  // The delivery log, newest first, shows it delivered in one attempt; the broken one retrying.
  await page.reload();
  const delivered = page.getByTestId("delivery-row").filter({ hasText: `#incidents ${tag}` });
  await expect(delivered).toHaveCount(1);
  await expect(delivered).toHaveAttribute("data-status", "delivered");
  await expect(delivered).toContainText("Incident declared");
  await expect(delivered).toContainText(incident.ref);
  await expect(delivered).toContainText("Delivered");
  const broken = page.getByTestId("delivery-row").filter({ hasText: `Archived ${tag}` });
  await expect(broken).toContainText("channel_is_archived", { timeout: 15_000 });
  await expect(broken).toContainText("Retrying");

  // Send a test message from the channel's row; the log picks it up.
  await row.getByRole("button", { name: /Send a test message/ }).click();
  await expect(
    page
      .getByTestId("delivery-row")
      .filter({ hasText: "Test message" })
      .filter({ hasText: `#incidents ${tag}` }),
  ).toHaveCount(1);
  await page.getByLabel("Status", { exact: true }).selectOption("delivered");
  await expect(page.getByTestId("delivery-row").filter({ hasText: `Archived ${tag}` })).toHaveCount(0);
  await page.getByLabel("Status", { exact: true }).selectOption("");

  await page.screenshot({ path: path.join(SCREENS_DIR, "notifications.png"), fullPage: true });
  await expectNoSeriousViolations(page);

  // A signed webhook shows its secret once.
  await page.getByRole("button", { name: /Add channel/ }).click();
  await page.getByLabel("Kind").selectOption("webhook");
  await page.getByLabel("Name").fill(`Status tool ${tag}`);
  await page.getByLabel("Webhook URL").fill(`${base}/signed-${tag}`);
  await page.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByTestId("signing-secret")).toContainText("whsec_");
  await page.screenshot({ path: path.join(SCREENS_DIR, "notifications-secret.png") });

  // Leave no channel behind for other specs' incidents.
  const admin = await apiAs("admin");
  const { channels } = (await (await admin.get("/api/notification-channels")).json()) as { channels: { id: string; name: string }[] };
  for (const c of channels.filter((c) => c.name.endsWith(tag)))
    expect((await admin.delete(`/api/notification-channels/${c.id}`)).status()).toBe(200);
});
