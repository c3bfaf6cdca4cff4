// Catalog import and export from the browser and over HTTP: a commander brings in a Backstage
// file (checked first, then imported) and finds its services in the catalog; a bad file lists
// every problem with its line; viewers only export.
import path from "node:path";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { authFile } from "./support/auth.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { uniqueTag } from "./support/seed.ts";

function backstageFile(tag: string): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: loyalty-${tag}
  annotations:
    warroom.io/chat-channel: "#team-loyalty"
spec:
  type: team
  profile: { displayName: Loyalty ${tag} }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: points-${tag}
  title: Loyalty points ${tag}
  annotations:
    warroom.io/tier: "2"
    warroom.io/journeys: checkout, post-purchase
spec:
  type: service
  owner: loyalty-${tag}
  dependsOn: [component:default/checkout-api]
  providesApis: [points-api-${tag}]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: points-api-${tag}
spec:
  type: openapi
  owner: group:default/loyalty-${tag}
`;
}

const BAD_FILE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: gift-cards
spec:
  owner: group:default/nobody
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: vouchers
spec:
  owner: checkout
  dependsOn:
    - component:vouchers
    - component:ghost-service
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: vouchers
spec:
  owner: checkout
`;

test.describe("commander", () => {
  test.use({ storageState: authFile("commander") });

  test("uploads a Backstage file, checks it, imports it and finds the services in the catalog", async ({ page }) => {
    const tag = uniqueTag();
    await page.goto("/catalog");
    await page.getByRole("link", { name: "Import / export" }).click();
    await expect(page).toHaveTitle("Import & export · Catalog · Warroom");

    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "catalog-info.yaml", mimeType: "application/yaml", buffer: Buffer.from(backstageFile(tag)) });
    await expect(page.getByLabel("File contents")).toHaveValue(/kind: Group/);
    await expect(page.getByText("catalog-info.yaml", { exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Check" }).click();
    const plan = page.getByRole("status").filter({ hasText: "Ready to import" });
    await expect(plan).toContainText("Backstage catalog-info");
    await expect(plan).toContainText("1 team, 2 services, 2 dependencies to create. Nothing has been written yet.");
    await expect(page.getByRole("row", { name: /^Services/ })).toContainText("2");
    await page.screenshot({ path: path.join(SCREENS_DIR, "catalog-import-plan-1366.png"), fullPage: true, animations: "disabled" });

    await page.getByRole("button", { name: "Import", exact: true }).click();
    const done = page.getByRole("status").filter({ hasText: "Imported" });
    await expect(done).toContainText("1 team, 2 services, 2 dependencies created.");
    await done.getByRole("link", { name: "Open the catalog" }).click();

    await expect(page).toHaveURL(/\/catalog$/);
    await expect(page.getByRole("link", { name: `Loyalty points ${tag}` })).toBeVisible();
    await expect(page.getByRole("link", { name: `points-api-${tag}` })).toBeVisible();
    await expect(page.getByTestId("team-card").filter({ hasText: `Loyalty ${tag}` })).toContainText("#team-loyalty");
  });

  test("a bad file lists every problem with its line, and nothing is imported", async ({ page }) => {
    await page.goto("/catalog/import");
    await page.getByLabel("File contents").fill(BAD_FILE);
    await page.getByLabel("File contents").press("Control+Enter"); // checks

    const report = page.getByRole("alert").filter({ hasText: "nothing was imported" });
    await expect(report).toContainText("4 problems — nothing was imported");
    const rows = page.getByTestId("import-issue");
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(0)).toContainText("6");
    await expect(rows.nth(0)).toContainText("gift-cards");
    await expect(rows.nth(0)).toContainText("owner group:default/nobody is not a team in the file or in the catalog");
    await expect(rows.nth(1)).toContainText("a service cannot depend on itself");
    await expect(rows.nth(2)).toContainText("dependsOn component:default/ghost-service is not a service");
    await expect(rows.nth(3)).toContainText("duplicate entity component:default/vouchers (first on line 8)");

    await page.screenshot({ path: path.join(SCREENS_DIR, "catalog-import-errors-1366.png"), fullPage: true, animations: "disabled" });
    // On a phone too, the report fits the width (tables scroll inside their box).
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENS_DIR, "catalog-import-errors-phone.png"), fullPage: true, animations: "disabled" });
    await page.setViewportSize({ width: 1366, height: 768 });
    await expectNoSeriousViolations(page);

    // A line number takes you to that line of the text.
    await rows.nth(2).getByRole("button", { name: "16" }).click();
    const area = page.getByLabel("File contents");
    await expect(area).toBeFocused();
    expect(await area.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(
      "    - component:ghost-service",
    );

    // Changing the text clears a report that no longer describes it.
    await area.press("End");
    await area.pressSequentially(" ");
    await expect(rows).toHaveCount(0);
  });
});

test.describe("viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("exports but cannot import", async ({ page }) => {
    await page.goto("/catalog/import");
    await expect(page.getByText("takes the Commander or Admin role")).toBeVisible();
    await expect(page.getByLabel("File contents")).toHaveCount(0);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download YAML" }).click();
    expect((await download).suggestedFilename()).toMatch(/^warroom-catalog-demo-retail-\d{4}-\d{2}-\d{2}\.yaml$/);
  });
});

test.describe("HTTP contract", () => {
  test("export answers a file; import checks, refuses and limits", async ({ apiAs }) => {
    const commander = await apiAs("commander");
    const exported = await commander.get("/api/catalog/export?format=yaml");
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-type"]).toContain("application/yaml");
    expect(exported.headers()["content-disposition"]).toMatch(/^attachment; filename="warroom-catalog-demo-retail-.*\.yaml"$/);
    const yaml = await exported.text();
    expect(yaml).toContain("format: warroom-catalog");
    expect((await commander.get("/api/catalog/export?format=xml")).status()).toBe(422);

    // The export imports as a no-op (dry run or not).
    const again = await commander.post("/api/catalog/import?dryRun=1", { headers: { "content-type": "application/yaml" }, data: yaml });
    expect(again.status()).toBe(200);
    expect(await again.json()).toMatchObject({
      format: "warroom",
      dryRun: true,
      teams: { create: 0, update: 0 },
      services: { create: 0, update: 0 },
    });

    const bad = await commander.post("/api/catalog/import?format=backstage", { headers: { "content-type": "text/yaml" }, data: BAD_FILE });
    expect(bad.status()).toBe(422);
    const body = (await bad.json()) as {
      error: { code: string; details: { entities: { line: number; name: string }[]; fields: { field: string }[] } };
    };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.entities.map((e) => [e.line, e.name])).toEqual([
      [6, "gift-cards"],
      [15, "vouchers"],
      [16, "vouchers"],
      [21, "vouchers"],
    ]);
    expect(body.error.details.fields[0]?.field).toBe("documents.0.spec.owner");

    const huge = await commander.post("/api/catalog/import", {
      headers: { "content-type": "application/yaml" },
      data: `# ${"x".repeat(5 * 1024 * 1024)}\n`,
    });
    expect(huge.status()).toBe(413);
    expect((await commander.post("/api/catalog/import", { multipart: { file: "x" } })).status()).toBe(400);

    const viewer = await apiAs("viewer");
    expect((await viewer.get("/api/catalog/export")).status()).toBe(200);
    expect(
      (await viewer.post("/api/catalog/import?dryRun=1", { headers: { "content-type": "application/yaml" }, data: yaml })).status(),
    ).toBe(403);
  });
});
