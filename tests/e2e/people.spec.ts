// A real team's first night: an empty database, first-run setup, an invited responder who joins
// in another browser and posts, then is deactivated mid-incident and is out at once.
import type { Browser, BrowserContext } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { E2E_PORT } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { ownServer, type OwnServer } from "./support/own-server.ts";
import { expectLive, room } from "./support/room.ts";
import { seedIncident, uniqueTag } from "./support/seed.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

// Starting a server of its own takes a while on two cores.
test.describe.configure({ timeout: 240_000 });

const ADMIN = { name: "Morgan Owner", email: "morgan@shop.example", password: "a long admin passphrase" };
const RESPONDER = { name: "Sam Responder", email: "sam@shop.example", password: "sam's own passphrase" };

async function newContext(browser: Browser, server: OwnServer): Promise<BrowserContext> {
  return browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1366, height: 768 } });
}

test("setup on an empty database, invite, accept and post, deactivate: the responder is out at once", async ({ browser }) => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const database: TestDatabase | undefined = adminUrl ? await createTestDatabase(adminUrl) : undefined;
  const server = ownServer(E2E_PORT + 42, { SEED_DEMO: "false", ...(database ? { DATABASE_URL: database.url } : {}) });
  try {
    await server.start();
    const admin = await newContext(browser, server);
    const adminPage = await admin.newPage();

    // Any page leads to setup while no organisation exists.
    await adminPage.goto("/triage");
    await expect(adminPage).toHaveURL(/\/setup$/);
    await adminPage.getByLabel("Name", { exact: true }).fill("Shop Example GmbH");
    await adminPage.getByLabel("Currency").fill("EUR");
    await adminPage.getByLabel("Time zone").fill("Europe/Berlin");
    await adminPage.getByLabel("Your name").fill(ADMIN.name);
    await adminPage.getByLabel("Email").fill(ADMIN.email);
    await adminPage.getByLabel("Password").fill("too short");
    await adminPage.getByRole("button", { name: "Create organisation and sign in" }).click();
    await expect(adminPage.getByText("password must be at least 12 characters")).toBeVisible();
    await adminPage.getByLabel("Password").fill(ADMIN.password);
    await adminPage.getByRole("button", { name: "Create organisation and sign in" }).click();
    await expect(adminPage).toHaveURL(/\/settings\/people$/);
    // Setup is over for good; its page now leads to sign-in.
    const again = await admin.request.post("/api/setup", {
      data: {
        organization: { name: "Second org", currency: "USD", timeZone: "UTC" },
        admin: { name: "X", email: "x@shop.example", password: "another long password" },
      },
    });
    expect(again.status()).toBe(403);

    // Invite a responder; the link is shown to copy (no SMTP here).
    await adminPage.getByLabel("Email").fill(RESPONDER.email);
    await adminPage.getByLabel("Role", { exact: true }).selectOption("RESPONDER");
    await adminPage.getByRole("button", { name: "Invite", exact: true }).click();
    const link = await adminPage.getByTestId("access-link-url").textContent();
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/invite/[A-Za-z0-9_-]{43}$`));
    await expect(adminPage.getByTestId("person-row").filter({ hasText: RESPONDER.email })).toHaveAttribute("data-status", "invited");
    // Inviting the same address again is refused, naming it.
    await adminPage.getByLabel("Email").fill(RESPONDER.email);
    await adminPage.getByRole("button", { name: "Invite", exact: true }).click();
    await expect(adminPage.getByText(`${RESPONDER.email} is already in use`)).toBeVisible();

    const tag = uniqueTag();
    const incident = await seedIncident(admin.request, { title: `Checkout 502s ${tag}` });

    // The responder accepts in a browser of their own and lands signed in.
    const responder = await newContext(browser, server);
    const responderPage = await responder.newPage();
    await responderPage.goto(link ?? "");
    await responderPage.getByLabel("Your name").fill(RESPONDER.name);
    await responderPage.getByLabel("Password").fill(RESPONDER.password);
    await responderPage.getByRole("button", { name: "Join and sign in" }).click();
    await expect(responderPage).toHaveURL(/\/triage$/);
    await responderPage.goto(`/incidents/${incident.id}`);
    const r = room(responderPage);
    await expectLive(r);
    await r.post(`rolled back the edge config ${tag}`);
    await expect(r.entry(`rolled back the edge config ${tag}`)).toBeVisible();
    await expect(r.pending).toHaveCount(0);

    // The link worked once: opened again it says so.
    const reopened = await browser.newPage({ baseURL: server.baseUrl });
    await reopened.goto(link ?? "");
    await expect(reopened.getByText(/This invitation was already used/)).toBeVisible();
    await reopened.close();

    // The admin deactivates them while their room is open.
    await adminPage.reload();
    const row = adminPage.getByTestId("person-row").filter({ hasText: RESPONDER.email });
    await expect(row).toHaveAttribute("data-status", "active");
    adminPage.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Deactivate" }).click();
    await expect(row).toHaveAttribute("data-status", "deactivated");

    // Their room shows them signed out, their next post is refused, the API refuses their cookie.
    await expect(r.connection).toHaveAttribute("data-state", "signed_out");
    await expect(r.connection).toContainText("Signed out");
    await r.post(`one more thing ${tag}`);
    await expect(r.pending.filter({ hasText: `one more thing ${tag}` })).toHaveAttribute("data-state", "failed");
    await expect(r.pending.filter({ hasText: `one more thing ${tag}` })).toContainText("deactivated");
    expect((await responder.request.get("/api/triage")).status()).toBe(401);

    // They cannot sign in again.
    const retry = await newContext(browser, server);
    const login = await retry.newPage();
    await login.goto("/login");
    await login.getByLabel("Email").fill(RESPONDER.email);
    await login.getByLabel("Password").fill(RESPONDER.password);
    await login.getByRole("button", { name: "Sign in" }).click();
    await expect(login.getByText("Wrong email or password.")).toBeVisible();

    // What they wrote stays theirs.
    await adminPage.goto(`/incidents/${incident.id}`);
    await expect(room(adminPage).entry(`rolled back the edge config ${tag}`)).toContainText(RESPONDER.name);
    await Promise.all([admin.close(), responder.close(), retry.close()]);
  } finally {
    await server.dispose();
    await database?.drop();
  }
});

test("admins of the demo organisation see the shared-passwords banner; others do not", async ({ pageAs }) => {
  const { page: admin } = await pageAs("admin");
  await admin.goto("/triage");
  await expect(admin.getByTestId("demo-banner")).toContainText("Demo data – shared passwords");
  const { page: responder } = await pageAs("responder");
  await responder.goto("/triage");
  await expect(responder.getByRole("heading", { name: "Triage" })).toBeVisible();
  await expect(responder.getByTestId("demo-banner")).toHaveCount(0);
});

test("the people, account and invitation pages have titles and pass axe", async ({ pageAs, browser }) => {
  const { page } = await pageAs("admin");
  await page.goto("/settings/people");
  await expect(page).toHaveTitle("People · Settings · Warroom");
  await expect(page.getByTestId("person-row").filter({ hasText: "viewer@warroom.local" })).toHaveAttribute("data-status", "active");
  await expectNoSeriousViolations(page);
  await page.goto("/settings/account");
  await expect(page).toHaveTitle("Account · Settings · Warroom");
  await expectNoSeriousViolations(page);
  const strangerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const stranger = await strangerContext.newPage();
  await stranger.goto(`/invite/${"A".repeat(43)}`);
  await expect(stranger.getByText("This invitation is not valid")).toBeVisible();
  await expectNoSeriousViolations(stranger);
  // Setup is done on this server: its page leads to sign-in.
  await stranger.goto("/setup");
  await expect(stranger).toHaveURL(/\/login/);
  await strangerContext.close();
});
