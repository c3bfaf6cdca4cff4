// Stakeholder updates: posted from the room by keyboard, seen live in a second browser, published
// on the public status page for signed-out readers, and flagged when the promised next one is late.
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import type { PostedStakeholderUpdate } from "@/lib/stakeholder/post-stakeholder-update.ts";
import type { TPostStakeholderUpdate } from "@/lib/stakeholder/schemas.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, room } from "./support/room.ts";
import { seedIncident, uniqueTag } from "./support/seed.ts";

async function postUpdate(api: APIRequestContext, incidentId: string, input: TPostStakeholderUpdate): Promise<PostedStakeholderUpdate> {
  const res = await api.post(`/api/incidents/${incidentId}/stakeholder-updates`, { data: input });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as PostedStakeholderUpdate;
}

/** The room is live; sockets on a busy CI machine may take longer than the default to join. */
async function joined(page: Page): Promise<void> {
  await expect(room(page).connection).toHaveAttribute("data-state", "live", { timeout: 20_000 });
  await expectLive(room(page));
}

test("the commander posts a public update with the keyboard; another browser sees it live; /status shows it signed out", async ({
  pageAs,
  apiAs,
  browser,
}) => {
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const api = await apiAs("commander");
  const incident = await seedIncident(api, { title: `Card payments failing ${tag}`, severity: "SEV1" });
  const roomUrl = `/incidents/${incident.id}`;

  const { page: watcher } = await pageAs("viewer");
  await watcher.goto(roomUrl);
  await joined(watcher);
  const watcherSection = watcher.getByTestId("stakeholder-section");
  await expect(watcherSection).toContainText("No stakeholder update yet");
  // A viewer cannot post one: no button, and U does nothing.
  await expect(watcher.getByRole("button", { name: /Post update/ })).toHaveCount(0);

  const { page } = await pageAs("commander");
  await page.goto(roomUrl);
  await joined(page);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("u");
  const composer = page.getByTestId("stakeholder-composer");
  await expect(composer).toBeVisible();
  // The first field has focus: type straight away.
  const affected = `<script>window.__xss = 1</script>Some card payments fail at checkout ${tag}`;
  await page.keyboard.type(affected);
  await composer.getByLabel("What we are doing").fill(`Failing over to the backup payment provider ${tag}`);
  await composer.getByLabel("Add a journey").selectOption("checkout");
  await composer.getByLabel("Checkout", { exact: true }).selectOption("partial_outage");
  await composer.getByText("15 min").click();
  await composer.getByLabel(/Publish to the status page/).check();
  await page.screenshot({ path: path.join(SCREENS_DIR, "stakeholder-composer-1366.png") });
  await page.keyboard.press("Control+Enter");
  await expect(composer).toHaveCount(0);

  // In the timeline of both, and in the other browser's side panel, live.
  await expect(room(page).entry(`Doing: Failing over to the backup payment provider ${tag}`)).toHaveCount(1);
  await expect(room(watcher).entry(`Affected: ${affected}`)).toContainText("Published on the status page");
  await expect(watcherSection.getByTestId("stakeholder-latest")).toContainText(affected);
  await expect(watcherSection.getByTestId("stakeholder-latest")).toContainText("Checkout:Partial outage");
  await expect(watcherSection.getByTestId("stakeholder-due")).toHaveText(/Next update due in 1[45] min/);
  await page.getByTestId("stakeholder-section").screenshot({ path: path.join(SCREENS_DIR, "stakeholder-side-panel.png") });
  await page.screenshot({ path: path.join(SCREENS_DIR, "stakeholder-room-1366.png") });

  // Signed out: the public page shows the journey and the update's words, as text.
  const publicContext = await browser.newContext();
  try {
    const reader = await publicContext.newPage();
    await expect(async () => {
      await reader.goto("/status");
      await expect(reader.locator('[data-journey="checkout"]')).toHaveAttribute("data-status", "partial_outage", { timeout: 500 });
      await expect(reader.getByTestId("status-update").getByText(affected)).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    expect(reader.url()).toMatch(/\/status$/);
    await expect(reader).toHaveTitle(/Partial outage · .+ status/);
    await expect(reader.getByTestId("status-banner")).toHaveAttribute("data-status", /partial_outage|major_outage/);
    expect(await reader.evaluate(() => Reflect.get(window, "__xss") as unknown)).toBeUndefined();
    // Nothing internal: not the incident's title, not the commander's name.
    await expect(reader.getByText(`Card payments failing ${tag}`)).toHaveCount(0);
    await expect(reader.getByText("Casey Commander")).toHaveCount(0);
    await expectNoSeriousViolations(reader);
    await reader.screenshot({ path: path.join(SCREENS_DIR, "status-1366.png"), fullPage: true });
    await reader.setViewportSize({ width: 390, height: 844 });
    expect(await reader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await reader.screenshot({ path: path.join(SCREENS_DIR, "status-390.png"), fullPage: true });
    // It follows the reader's preference; both schemes pass axe (contrast included).
    await reader.emulateMedia({ colorScheme: "light" });
    await expectNoSeriousViolations(reader);
    await reader.screenshot({ path: path.join(SCREENS_DIR, "status-390-light.png"), fullPage: true });
    await reader.emulateMedia({ colorScheme: "dark" });
    await expectNoSeriousViolations(reader);
    await reader.screenshot({ path: path.join(SCREENS_DIR, "status-390-dark.png"), fullPage: true });

    const json = (await (await publicContext.request.get("/api/status")).json()) as { journeys: { journey: string; status: string }[] };
    expect(json.journeys.find((j) => j.journey === "checkout")?.status).toMatch(/partial_outage|major_outage/);
  } finally {
    await publicContext.close();
  }
});

test("a promised update that passes shows overdue in the room, and the server writes one reminder entry", async ({ pageAs, apiAs }) => {
  const tag = uniqueTag();
  const api = await apiAs("commander");
  const incident = await seedIncident(api, { title: `Search slow ${tag}` });
  await postUpdate(api, incident.id, {
    affected: `Search results are slow ${tag}`,
    doing: "Adding search capacity",
    nextUpdateBy: new Date(Date.now() + 4_000).toISOString(),
  });
  const { page } = await pageAs("responder");
  await page.goto(`/incidents/${incident.id}`);
  await joined(page);
  const due = page.getByTestId("stakeholder-due");
  await expect(due).toHaveAttribute("data-state", "overdue", { timeout: 15_000 });
  await expect(due).toHaveText(/Update overdue/);
  // The background tick (every 15 s) writes it once, pushed live.
  await expect(room(page).entry("Stakeholder update overdue (was due")).toHaveCount(1, { timeout: 30_000 });
  await page.getByTestId("stakeholder-section").screenshot({ path: path.join(SCREENS_DIR, "stakeholder-overdue.png") });

  // A viewer may read the updates but not post one.
  const viewer = await apiAs("viewer");
  expect((await viewer.get(`/api/incidents/${incident.id}/stakeholder-updates`)).status()).toBe(200);
  expect((await viewer.post(`/api/incidents/${incident.id}/stakeholder-updates`, { data: { affected: "x", doing: "y" } })).status()).toBe(
    403,
  );
});

test("survey answers about a journey show in the room's impact section as evidence", async ({ pageAs, apiAs }) => {
  const tag = uniqueTag();
  const admin = await apiAs("admin");
  const made = await admin.post("/api/integrations", { data: { kind: "survey", name: `Exit survey ${tag}` } });
  expect(made.status(), await made.text()).toBe(201);
  const { integration, secret } = (await made.json()) as { integration: { id: string }; secret: string };
  const api = await apiAs("commander");
  const incident = await seedIncident(api, { title: `Checkout errors ${tag}` });
  expect((await api.put(`/api/incidents/${incident.id}/impact`, { data: { journeys: { checkout: { degradation: 40 } } } })).status()).toBe(
    200,
  );
  const answers = {
    responses: [
      { responseId: `${tag}-1`, journey: "checkout", score: 1, comment: `Order button spins forever ${tag}` },
      { responseId: `${tag}-2`, comment: "Could not check out at all" },
    ],
  };
  const sent = await api.post(`/api/webhooks/${integration.id}`, { data: answers, headers: { "x-warroom-secret": secret } });
  expect(sent.status(), await sent.text()).toBe(200);

  const { page } = await pageAs("viewer");
  await page.goto(`/incidents/${incident.id}`);
  const signals = page.getByTestId("customer-signals");
  await expect(signals).toContainText(/\d+ survey responses mention checkout/, { timeout: 15_000 });
  await expect(signals).toContainText(`Order button spins forever ${tag}`);
  await page.getByTestId("impact-section").screenshot({ path: path.join(SCREENS_DIR, "customer-signals-impact.png") });
});
