// The only spec that goes through the real login form; every other spec reuses saved sessions.
import { DEMO_PASSWORD, DEMO_USERS } from "./support/auth.ts";
import { expect, test } from "./support/fixtures.ts";

test.use({ storageState: { cookies: [], origins: [] } });

test("a signed-out visitor is sent to the login page, and back after signing in", async ({ page }) => {
  await page.goto("/incidents/new");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fincidents%2Fnew$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  await page.getByLabel("Email").fill(DEMO_USERS.commander.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/incidents\/new$/);
  await expect(page.getByRole("heading", { name: "Declare an incident" })).toBeVisible();
});

test("a wrong password shows an error and keeps the visitor out; the right one lands on /incidents", async ({ page }) => {
  await page.goto("/login");
  await expect(page).toHaveTitle("Sign in · Warroom");

  await page.getByLabel("Email").fill(DEMO_USERS.responder.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Scoped to main: Next's route announcer is a (silent) role="alert" too.
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
  // Still signed out: the app sends us straight back.
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Email").fill(DEMO_USERS.responder.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/incidents$/);
  await expect(page.getByRole("heading", { name: "Incidents", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText(DEMO_USERS.responder.name);
  await expect(page.getByRole("link", { name: /Payment gateway timeouts at checkout/ })).toBeVisible();
});
