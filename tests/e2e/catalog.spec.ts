// The service catalog as people use it: a commander adds a service and wires it into the map,
// a viewer reads everything and can change nothing, and a bad form keeps what was typed.
import path from "node:path";
import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { uniqueTag } from "./support/seed.ts";

const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} is ${overflow}px wider than the viewport`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true, animations: "disabled" });
}

/** Shortcuts work once the page has hydrated; a key pressed before that is lost, so press again. */
async function pressUntil(page: Page, key: string, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.keyboard.press(key);
    await check();
  }).toPass({ timeout: 15_000 });
}

test("a commander adds a service owned by Payments with a dependency, and it shows in the catalog", async ({ pageAs }) => {
  const { page } = await pageAs("commander");
  const name = `Fraud scoring ${uniqueTag()}`;

  await page.goto("/catalog");
  await expect(page).toHaveTitle("Catalog · Warroom");
  await pressUntil(page, "n", () => expect(page).toHaveURL(/\/catalog\/services\/new$/, { timeout: 1_000 }));
  await expect(page.getByLabel("Name")).toBeFocused();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Owning team").selectOption({ label: "Payments" });
  await page.getByLabel("Kind").selectOption({ label: "Payment" });
  await page.getByLabel("Tier 1 · customer-critical").check();
  await page.getByLabel("Checkout", { exact: true }).check();
  await page.getByLabel("Payment", { exact: true }).check();
  await page.getByLabel("Runbook URL").fill("https://runbooks.example.com/fraud-scoring");
  await page.getByLabel("Description").fill("Scores every card payment before authorisation.");
  await page.getByRole("button", { name: "Create service" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page).toHaveTitle(`${name} · Catalog · Warroom`);
  await expect(page.getByRole("region", { name: "Owner" })).toContainText("Payments");
  await expect(page.getByRole("link", { name: /Open runbook/ })).toHaveAttribute("href", "https://runbooks.example.com/fraud-scoring");

  // It calls the payment gateway: synchronous and critical by default.
  await page.getByLabel(`Add: ${name} calls…`).selectOption({ label: "Payment gateway adapter" });
  await page.getByRole("form", { name: "Add a dependency" }).getByRole("button", { name: "Add" }).click();
  const calls = page.getByRole("table", { name: `Services ${name} depends on` });
  await expect(calls.getByTestId("dependency-row")).toHaveCount(1);
  await expect(calls).toContainText("Payment gateway adapter");
  await expect(calls.getByRole("switch", { name: /Asynchronous/ })).toHaveAttribute("aria-checked", "false");
  await calls.getByRole("switch", { name: /Asynchronous/ }).click();
  await expect(calls.getByRole("switch", { name: /Asynchronous/ })).toHaveAttribute("aria-checked", "true");
  await shoot(page, "catalog-service-1366");

  // The gateway's page lists it among its callers.
  await calls.getByRole("link", { name: "Payment gateway adapter" }).click();
  await expect(page.getByRole("table", { name: "Services that depend on Payment gateway adapter" })).toContainText(name);

  await page.goto("/catalog");
  await pressUntil(page, "/", () => expect(page.getByLabel("Search services")).toBeFocused({ timeout: 1_000 }));
  await page.getByLabel("Search services").fill(name);
  const rows = page.getByTestId("service-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Payments");
  await expect(rows.first()).toContainText("T1");
  // The filter lives in the URL, so the view can be shared.
  await expect(page).toHaveURL(/[?&]q=Fraud/);
  await page.getByLabel("Search services").fill("");
  await page.getByLabel("Owning team").selectOption({ label: "Payments" });
  await expect(rows.filter({ hasText: name })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Cart API" })).toHaveCount(0);

  // Deleting asks first, with the safe choice focused, and takes its dependency with it.
  await rows.filter({ hasText: name }).getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Delete service…" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Delete ${name}?` });
  await expect(confirm).toContainText("Its 1 dependency goes with it.");
  await expect(confirm.getByRole("button", { name: "Keep it" })).toBeFocused();
  await confirm.getByRole("button", { name: "Delete service" }).click();
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
});

test("a duplicate name shows next to the field, and what was typed stays", async ({ pageAs }) => {
  const { page } = await pageAs("commander");
  await page.goto("/catalog/services/new");
  await page.getByLabel("Name").fill("cart api");
  await page.getByLabel("Owning team").selectOption({ label: "Checkout" });
  await page.getByLabel("Description").fill("typed before the error");
  await page.getByRole("button", { name: "Create service" }).click();

  await expect(page.getByText('a service named "Cart API" already exists')).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("cart api");
  await expect(page.getByLabel("Description")).toHaveValue("typed before the error");
  await expect(page).toHaveURL(/\/catalog\/services\/new$/);
  await expectNoSeriousViolations(page);
  await shoot(page, "catalog-service-new-error");
});

test("a commander creates a team with on-call contacts and members", async ({ pageAs }) => {
  const { page } = await pageAs("commander");
  const name = `Loyalty ${uniqueTag()}`;
  await page.goto("/catalog/teams/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Chat channel").fill("#team-loyalty");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByLabel("On-call contact 1")).toBeFocused();
  await page.keyboard.type("Jo Park +1 555 0180");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("On-call contact 2")).toBeFocused();
  await page.keyboard.type("pager: loyalty-primary");
  await page.getByRole("button", { name: "Move contact 2 up" }).click();
  await page.getByLabel("Escalation contact").fill("Head of CRM +1 555 0181");
  await page.getByLabel(/Riley Responder/).check();
  await page.getByRole("button", { name: "Create team" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const whoToCall = page.getByRole("region", { name: "Who to call" });
  await expect(whoToCall.getByRole("listitem")).toHaveText([/1\.\s*pager: loyalty-primary/, /2\.\s*Jo Park/]);
  await expect(whoToCall).toContainText("Head of CRM");
  await expect(page.getByRole("region", { name: "Members" })).toContainText("Riley Responder");
});

test("a viewer reads the catalog, services and teams, with no edit controls, and the API refuses changes", async ({ pageAs, apiAs }) => {
  const { page } = await pageAs("viewer");
  await page.goto("/catalog");
  await expect(page.getByRole("table", { name: /Services with their owner/ })).toBeVisible();
  await expect(page.getByTestId("service-row").first()).toBeVisible();
  await expect(page.getByTestId("team-card").filter({ hasText: "Payments" })).toContainText("On call:");
  await expect(page.getByRole("link", { name: /New service/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "New team" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Import / export" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Dependency map" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await shoot(page, "catalog-1366");

  await page.getByRole("link", { name: "Checkout API", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checkout API" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Services Checkout API depends on" })).toContainText("Payment gateway adapter");
  await expect(page.getByRole("button", { name: /Edit/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(page.getByRole("switch")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Delete/ })).toHaveCount(0);
  await expectNoSeriousViolations(page);

  await page.getByRole("region", { name: "Owner" }).getByRole("link", { name: "Checkout" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Who to call" })).toContainText("Priya Nair");
  await expect(page.getByRole("button", { name: /Edit/ })).toHaveCount(0);
  await expectNoSeriousViolations(page);
  await shoot(page, "catalog-team-1366");

  await page.goto("/catalog/services/new");
  await expect(page).toHaveURL(/\/catalog$/);

  const api = await apiAs("viewer");
  const teams = (await (await api.get("/api/teams")).json()) as { teams: { id: string; name: string }[] };
  const payments = teams.teams.find((t) => t.name === "Payments");
  expect(payments).toBeDefined();
  const res = await api.post("/api/services", { data: { name: "Viewer's service", teamId: payments?.id } });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  expect((await api.patch(`/api/teams/${payments?.id}`, { data: { name: "Mine" } })).status()).toBe(403);
});

test("the catalog on a phone", async ({ pageAs }) => {
  const { page } = await pageAs("commander");
  await page.setViewportSize(PHONE);
  await page.goto("/catalog");
  await expect(page.getByTestId("service-row").first()).toBeVisible();
  await shoot(page, "catalog-phone");
  await page.getByRole("link", { name: "Payment gateway adapter", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Payment gateway adapter" })).toBeVisible();
  await shoot(page, "catalog-service-phone");
});
