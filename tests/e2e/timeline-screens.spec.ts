// Screenshots of a lived-in timeline for a human to look at (test-results/screens/timeline-*.png),
// plus the layout promises a machine can check: nothing wider than the screen, composer in view.
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { authFile } from "./support/auth.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, room } from "./support/room.ts";
import { seedEvent, seedIncident, uniqueTag } from "./support/seed.ts";
import { changeEntry, pinnedList, struckToggle } from "./support/timeline.ts";

const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} is ${overflow}px wider than the viewport`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), animations: "disabled" });
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** A payment incident twenty minutes in, the way a real room fills up. */
async function seedLivedInRoom(commander: APIRequestContext, responder: APIRequestContext) {
  const incident = await seedIncident(commander, {
    title: `Card payments time out at checkout after PSP SDK upgrade ${uniqueTag()}`,
    severity: "SEV1",
    summary: "Authorisations time out after 30 s for about a third of card payments since 14:05.",
  });
  const id = incident.id;
  const alert = await seedEvent(responder, id, {
    kind: "note",
    body: "Checkout error rate 34% (p99 auth latency 30 s), paging since 14:06.",
    occurredAt: minutesAgo(19),
  });
  await seedEvent(responder, id, {
    kind: "hypothesis",
    body: "The 14:05 PSP SDK upgrade changed the connection pool size.",
    occurredAt: minutesAgo(17),
  });
  const ruledOut = await seedEvent(responder, id, { kind: "hypothesis", body: "PSP-side outage." });
  await changeEntry(commander, id, ruledOut.seq, "", { data: { state: "ruled_out" } });
  const failed = await seedEvent(responder, id, { kind: "action", body: "Scaled the payment adapter from 6 to 12 pods." });
  await changeEntry(responder, id, failed.seq, "", { data: { outcome: "failed" } });
  const notified = await seedEvent(commander, id, {
    kind: "notification",
    body: "Pause stock pushes until checkout recovers.",
    data: { target: "Fulfillment on-call", channel: "phone" },
  });
  await changeEntry(commander, id, notified.seq, "", { data: { acknowledgedAt: new Date().toISOString() } });
  const decision = await seedEvent(commander, id, {
    kind: "decision",
    body: "Roll back the PSP SDK to 4.12 rather than tune the pool under load.",
  });
  await changeEntry(commander, id, decision.seq, "/pin", { pinned: true });
  await changeEntry(commander, id, alert.seq, "/pin", { pinned: true });
  const dup = await seedEvent(responder, id, { kind: "note", body: "Checkout error rate 43%" });
  await changeEntry(commander, id, dup.seq, "/strike", { reason: "typo, see #2" });
  const worked = await seedEvent(responder, id, { kind: "action", body: "Rolled back PSP SDK to 4.12 (deploy #8841)." });
  await changeEntry(responder, id, worked.seq, "", { data: { outcome: "worked" } });
  await seedEvent(responder, id, {
    kind: "notification",
    body: "Status page updated: payments recovering.",
    data: { target: "Checkout", channel: "chat" },
  });
  await seedEvent(responder, id, {
    kind: "link",
    body: "Checkout auth latency dashboard",
    data: { url: "https://grafana.example.com/d/checkout-auth?from=now-1h" },
  });
  const note = await seedEvent(responder, id, { kind: "note", body: "Auth latency p99 back at 1.8 s; error rate 0.4%." });
  await changeEntry(responder, id, note.seq, "", { body: "Auth latency p99 back at 0.8 s; error rate 0.4% and falling." });
  await seedEvent(responder, id, { kind: "action", body: "Replaying 1,284 failed authorisations from the PSP dashboard." });
  return incident;
}

test.describe("signed in as commander", () => {
  test.use({ storageState: authFile("commander") });

  test("a lived-in timeline on a laptop and on a phone", async ({ page, apiAs }) => {
    const incident = await seedLivedInRoom(await apiAs("commander"), await apiAs("responder"));
    await page.goto(`/incidents/${incident.id}`);
    const r = room(page);
    await expectLive(r);
    await expect(pinnedList(page)).toContainText("Pinned (2)");
    await expect(r.composer).toBeInViewport();
    await shoot(page, "timeline-1366");

    await r.entry("Replaying 1,284").hover();
    await shoot(page, "timeline-1366-hover");

    await struckToggle(page).click();
    await page.getByRole("button", { name: "All changes" }).click();
    await shoot(page, "timeline-1366-changes");
    await page.getByRole("button", { name: "All changes" }).click();
    await struckToggle(page).click();

    await pinnedList(page)
      .getByRole("button", { name: /^Pinned/ })
      .click();
    await shoot(page, "timeline-1366-pinned-open");
    await pinnedList(page)
      .getByRole("button", { name: /^Pinned/ })
      .click();

    const entry = r.entry("Replaying 1,284");
    await entry.hover();
    await entry.getByRole("button", { name: "Strike", exact: true }).click();
    await shoot(page, "timeline-1366-strike");
    await entry.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: "Compact" }).click();
    await shoot(page, "timeline-1366-compact");
    await page.getByRole("button", { name: "Compact" }).click();

    await r.composer.fill("/notify Payments team via pager: ");
    await shoot(page, "timeline-1366-composer-notify");
    await r.composer.fill("");

    // With every kind of control showing, still no serious accessibility violations.
    await struckToggle(page).click();
    await page.getByRole("button", { name: "All changes" }).click();
    await r.entry("Auth latency p99").getByRole("button", { name: "edited" }).click();
    await expect(r.entry("Auth latency p99").getByTestId("revision")).toHaveCount(1);
    await expectNoSeriousViolations(page);
    await struckToggle(page).click();
    await page.getByRole("button", { name: "All changes" }).click();

    await page.setViewportSize(PHONE);
    await page.reload();
    await expectLive(r);
    await expect(r.composer).toBeInViewport();
    await shoot(page, "timeline-phone");
    await page.getByRole("button", { name: /^Filters/ }).click();
    await shoot(page, "timeline-phone-filters");
  });
});
