// Screen-reader and keyboard users work incidents too: no serious or critical axe violations,
// and a page title that says where you are.
import { expectNoSeriousViolations } from "./support/axe.ts";
import { authFile } from "./support/auth.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, room } from "./support/room.ts";
import { seedEvent, seedIncident, uniqueTag } from "./support/seed.ts";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("login page", async ({ page }) => {
    await page.goto("/login");
    await expect(page).toHaveTitle("Sign in · Warroom");
    await expect(page.getByLabel("Email")).toBeFocused();
    await expectNoSeriousViolations(page);
  });
});

test.describe("signed in as commander", () => {
  test.use({ storageState: authFile("commander") });

  test("incident list", async ({ page }) => {
    await page.goto("/incidents");
    await expect(page).toHaveTitle("Incidents · Warroom");
    await expect(page.getByRole("table", { name: "Incidents, open first" })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test("declare form, also with its validation errors showing", async ({ page }) => {
    await page.goto("/incidents/new");
    await expect(page).toHaveTitle("Declare incident · Warroom");
    await expect(page.getByLabel("What is broken?")).toBeFocused();
    await expectNoSeriousViolations(page);

    await page.getByRole("button", { name: "Declare incident" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("title");
    await expect(page.getByLabel("What is broken?")).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousViolations(page);
  });

  test("incident room", async ({ page, apiAs }) => {
    const api = await apiAs("commander");
    const title = `Stock levels stale in storefront ${uniqueTag()}`;
    const incident = await seedIncident(api, { title, severity: "SEV1" });
    await seedEvent(api, incident.id, { kind: "hypothesis", body: "The inventory feed consumer is stuck on a poison message." });
    await seedEvent(api, incident.id, { kind: "action", body: "Skipped the message at offset 88123." });
    await seedEvent(api, incident.id, { kind: "decision", body: "Keep the storefront up; show 'limited stock' banners." });

    await page.goto(`/incidents/${incident.id}`);
    await expect(page).toHaveTitle(`${incident.ref} SEV1 · ${title} · Warroom`);
    await expectLive(room(page));
    await expect(room(page).entries).toHaveCount(4);
    await expectNoSeriousViolations(page);
  });
});
