// Paging end to end: a commander pages a team from the room, the fake PagerDuty gets an Events
// API v2 trigger, PagerDuty's incident.acknowledged webhook comes back, and a second browser in
// the room shows who acknowledged, live.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { PAGER_RECEIVER_PORT, REPO_ROOT, SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, room } from "./support/room.ts";
import { seedIncident, uniqueTag } from "./support/seed.ts";

let receiver: Server;
const triggers: Record<string, unknown>[] = [];

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      triggers.push(JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>);
      res.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ status: "success", message: "Event processed" }));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(PAGER_RECEIVER_PORT, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const ackFixture = readFileSync(path.join(REPO_ROOT, "tests/fixtures/paging/pagerduty-incident-acknowledged.json"), "utf8");

test("page a team from the room; PagerDuty's acknowledgement shows in another browser", async ({ pageAs, apiAs }) => {
  const tag = uniqueTag();
  const admin = await apiAs("admin");
  const team = (await (await admin.post("/api/teams", { data: { name: `Payments ${tag}`, onCall: ["ana@acme.test"] } })).json()) as {
    id: string;
    name: string;
  };
  const service = (await (
    await admin.post("/api/services", {
      data: { name: `Payment gateway ${tag}`, teamId: team.id, kind: "payment", tier: 1, journeys: ["payment"] },
    })
  ).json()) as { id: string };
  const put = await admin.put(`/api/teams/${team.id}/paging`, { data: { kind: "pagerduty", key: "e93facc04764012d7bfb002500d5d1a6" } });
  expect(put.status(), await put.text()).toBe(200);
  const created = await admin.post("/api/integrations", { data: { kind: "pagerduty", name: `PagerDuty ${tag}` } });
  expect(created.status(), await created.text()).toBe(201);
  const { integration, secret } = (await created.json()) as { integration: { id: string }; secret: string };

  const commanderApi = await apiAs("commander");
  const incident = await seedIncident(commanderApi, { title: `Card payments declined ${tag}`, severity: "SEV1" });
  expect((await commanderApi.put(`/api/incidents/${incident.id}/services`, { data: { serviceIds: [service.id] } })).status()).toBe(200);

  // The responder watches the room in a second browser.
  const { page: watcher } = await pageAs("responder");
  await watcher.goto(`/incidents/${incident.id}`);
  await expectLive(room(watcher));

  const { page } = await pageAs("commander");
  await page.goto(`/incidents/${incident.id}`);
  await expectLive(room(page));
  const row = page.getByTestId(`team-${team.name}`);
  await row.getByRole("button", { name: "Page…" }).click();
  await row.getByLabel(`Why page ${team.name}`).fill("gateway declines every card");
  await row.getByRole("button", { name: "Send page" }).click();
  await expect(row.getByTestId(`page-${team.name}`)).toContainText("Paged via PagerDuty, not acknowledged");

  // The fake PagerDuty got a trigger in Events API v2 form.
  await expect.poll(() => triggers.filter((t) => String(t.dedup_key).includes(incident.id)).length).toBeGreaterThanOrEqual(1);
  const trigger = triggers.find((t) => String(t.dedup_key).includes(incident.id)) ?? {};
  expect(trigger).toMatchObject({
    routing_key: "e93facc04764012d7bfb002500d5d1a6",
    event_action: "trigger",
    payload: { severity: "critical" },
  });

  // A second Page says it is already open and offers to escalate.
  await row.getByRole("button", { name: "Page again…" }).click();
  await row.getByRole("button", { name: "Send page" }).click();
  await expect(row.getByRole("alert")).toContainText("not acknowledged — escalate?");
  await expect(row.getByRole("button", { name: "Escalate" })).toBeVisible();

  // PagerDuty's webhook v3 acknowledgement, signed with the integration's secret.
  const body = ackFixture.replace("REPLACED-BY-THE-TEST", String(trigger.dedup_key));
  const signature = `v1=${createHmac("sha256", secret).update(body).digest("hex")}`;
  const anon = await apiAs(null);
  const hook = await anon.post(`/api/webhooks/${integration.id}`, {
    data: body,
    headers: { "content-type": "application/json", "x-pagerduty-signature": signature },
  });
  expect(hook.status(), await hook.text()).toBe(200);

  const watched = watcher.getByTestId(`team-${team.name}`);
  await expect(watched.getByTestId("notify-state")).toContainText("Acknowledged by Tenex Engineer via PagerDuty");
  await expect(watched.getByTestId(`page-${team.name}`)).not.toContainText("not acknowledged");
  await expect(watcher.getByTestId("acknowledged")).toContainText("Acknowledged by Tenex Engineer via PagerDuty");
  await watched.scrollIntoViewIfNeeded();
  await watcher.screenshot({ path: path.join(SCREENS_DIR, "paging-acknowledged.png") });
});

test("the team page shows its paging route without the key, on a laptop and a phone", async ({ pageAs, apiAs }) => {
  const tag = uniqueTag();
  const admin = await apiAs("admin");
  const team = (await (await admin.post("/api/teams", { data: { name: `Fulfilment ${tag}` } })).json()) as { id: string };
  const key = "0123456789abcdef0123456789abcdef";
  expect(
    (
      await admin.put(`/api/teams/${team.id}/paging`, {
        data: {
          kind: "opsgenie",
          key,
          responders: [{ type: "team", name: "Fulfilment" }],
          escalateAfterMinutes: 10,
          escalation: "next_contact",
        },
      })
    ).status(),
  ).toBe(200);
  const { page } = await pageAs("commander");
  await page.goto(`/catalog/teams/${team.id}`);
  const card = page.getByTestId("paging-route");
  await expect(card).toContainText("Opsgenie");
  await expect(card).toContainText("set (never shown)");
  await expect(card).toContainText("after 10 min: page the next contact in the calling order");
  await expect(page.locator("body")).not.toContainText(key);
  await page.screenshot({ path: path.join(SCREENS_DIR, "paging-route.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENS_DIR, "paging-route-phone.png") });
});
