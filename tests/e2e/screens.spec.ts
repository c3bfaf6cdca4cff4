// Full-page screenshots for a human to look at (test-results/screens, not committed), plus the
// layout promises a machine can check: nothing wider than the screen, the composer in view.
import path from "node:path";
import type { Page } from "@playwright/test";
import { authFile } from "./support/auth.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, room } from "./support/room.ts";
import { seedEvent, seedIncident, uniqueTag } from "./support/seed.ts";

const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string): Promise<void> {
  // No horizontal scrolling: at 1366 px and on a phone, everything fits the width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} is ${overflow}px wider than the viewport`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true, animations: "disabled" });
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("login", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await shoot(page, "login-1366");
  });
});

test.describe("signed in as commander", () => {
  test.use({ storageState: authFile("commander") });

  test("incident list and declare form", async ({ page }) => {
    await page.goto("/incidents");
    await expect(page.getByRole("table")).toBeVisible();
    await shoot(page, "incidents-1366");

    await page.goto("/incidents/new");
    await expect(page.getByLabel("What is broken?")).toBeVisible();
    await shoot(page, "incidents-new-1366");
  });

  test("room with entries, on a laptop and on a phone", async ({ page, apiAs }) => {
    const commanderApi = await apiAs("commander");
    const responderApi = await apiAs("responder");
    const incident = await seedIncident(commanderApi, {
      title: `Orders stuck in "awaiting payment" after PSP webhook change ${uniqueTag()}`,
      severity: "SEV1",
      summary: "Webhooks from the PSP are rejected with 401 since the 14:05 deploy; orders are not released to the warehouse.",
    });
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await seedEvent(responderApi, incident.id, {
      kind: "note",
      body: "Webhook endpoint returns 401 for every PSP callback.",
      occurredAt: tenMinutesAgo,
    });
    await seedEvent(responderApi, incident.id, {
      kind: "hypothesis",
      body: "The 14:05 deploy rotated the webhook signing secret but not the PSP's copy.",
    });
    await seedEvent(commanderApi, incident.id, {
      kind: "decision",
      body: "Roll back the secret rotation rather than update the PSP under load.",
    });
    await seedEvent(responderApi, incident.id, {
      kind: "action",
      body: "Rolled back secret rotation (deploy #4412).\nReplaying 1,284 rejected webhooks from the PSP dashboard, oldest first; ETA 10 min.",
    });
    const newest = await seedEvent(responderApi, incident.id, { kind: "note", body: "a-very-long-unbroken-token-".repeat(8) });

    await page.goto(`/incidents/${incident.id}`);
    const r = room(page);
    await expectLive(r);
    await expect(r.entries).toHaveCount(6);
    await expect(r.presence).toContainText("Casey Commander");
    // Newest at the bottom, like a chat: on opening, the latest entry and the composer are in view.
    await expect(r.entry(newest.body)).toBeInViewport({ ratio: 0.99 });
    await expect(r.composer).toBeInViewport();
    await shoot(page, "room-1366");

    await page.setViewportSize(PHONE);
    await page.reload();
    await expectLive(r);
    // Wholly visible, not cut off at the composer's edge.
    await expect(r.entry(newest.body)).toBeInViewport({ ratio: 0.99 });
    await expect(r.composer).toBeInViewport();
    await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
    await expect(r.connection).toBeInViewport();
    await shoot(page, "room-phone");
  });

  test("on a phone, the navigation shows that more links follow, and where", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/triage");
    const links = page.getByTestId("main-nav-links");
    await expect(page.getByTestId("nav-more-after")).toBeVisible();
    await expect(page.getByTestId("nav-more-before")).toHaveCount(0);
    await shoot(page, "nav-phone");
    // Tabbing to the last link scrolls it into view; the cues follow.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).focus();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toBeInViewport();
    await expect(page.getByTestId("nav-more-after")).toHaveCount(0);
    await expect(page.getByTestId("nav-more-before")).toBeVisible();
    await links.evaluate((el) => el.scrollTo({ left: 0 }));
    await expect(page.getByTestId("nav-more-before")).toHaveCount(0);
    // On a laptop every link fits: no cue at all.
    await page.setViewportSize({ width: 1366, height: 800 });
    await expect(page.getByTestId("nav-more-after")).toHaveCount(0);
    await expect(page.getByTestId("nav-more-before")).toHaveCount(0);
  });
});
