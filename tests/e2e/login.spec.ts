// The only spec that goes through the real login form; every other spec reuses saved sessions.
import { DEMO_PASSWORD, DEMO_USERS } from "./support/auth.ts";
import { BASE_URL } from "./support/env.ts";
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

test("sign-in attempts from one address are limited: 429 with Retry-After, and the form says why", async ({ playwright, browser }) => {
  // A documentation-range address of its own, so no other spec's sign-ins count against it.
  const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
  const api = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { "x-forwarded-for": ip } });
  const tryOnce = async () => {
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    return api.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: "nobody@warroom.local", password: "guess", json: "true" },
      maxRedirects: 0,
    });
  };
  let res = await tryOnce();
  for (let i = 0; i < 40 && res.status() !== 429; i++) res = await tryOnce();
  expect(res.status()).toBe(429);
  expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
  await api.dispose();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "x-forwarded-for": ip } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_USERS.commander.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many sign-in attempts/);
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});
