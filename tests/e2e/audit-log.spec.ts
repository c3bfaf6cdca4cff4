// Admins can see who changed what: a change made through the API shows in the audit log page,
// filters narrow it, and the export downloads it. Nobody else can read it.
import path from "node:path";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { seedIncident, uniqueTag } from "./support/seed.ts";

test("an admin finds a severity change in the audit log and exports it", async ({ apiAs, pageAs }) => {
  const commander = await apiAs("commander");
  const title = `Audit trail ${uniqueTag()}`;
  const incident = await seedIncident(commander, { title, severity: "SEV3" });
  expect((await commander.patch(`/api/incidents/${incident.id}`, { data: { severity: "SEV1" } })).status()).toBe(200);

  const { page } = await pageAs("admin");
  await page.goto("/settings/audit");
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Action").selectOption("incident.update");
  await page.getByLabel("Who").selectOption({ label: "Casey Commander" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText(/^1 entry shown/)).toBeVisible();
  const row = page.getByTestId("audit-entry");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Casey Commander");
  await expect(row).toContainText("incident.update");
  await expect(row).toContainText('severity: "SEV3" → "SEV1"');
  await row.getByText("Full before / after").click();
  await expect(row.getByText('"severity": "SEV1"')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS_DIR, "settings-audit-1366.png"), fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^warroom-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await (await (await apiAs("admin")).get("/api/audit?format=csv&action=incident.update")).text();
  expect(csv.split("\r\n")[0]).toBe("at,actor,actorEmail,apiToken,action,entityType,entityId,before,after");
  expect(csv).toContain(`incident.update,Incident,${incident.id}`);
});

test("the audit log is for admins only, in the page and the API", async ({ apiAs, pageAs }) => {
  for (const role of ["commander", "responder", "viewer"] as const) {
    const res = await (await apiAs(role)).get("/api/audit");
    expect(res.status(), role).toBe(403);
  }
  expect((await (await apiAs(null)).get("/api/audit")).status()).toBe(401);
  const { page } = await pageAs("commander");
  await page.goto("/settings/audit");
  await expect(page.getByText("The audit log is visible to admins only.")).toBeVisible();
  await expect(page.getByTestId("audit-entry")).toHaveCount(0);
});
