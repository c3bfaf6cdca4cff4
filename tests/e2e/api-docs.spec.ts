// The API reference: the OpenAPI document for tools, and a page people read.
import path from "node:path";
import type { OpenApiDocument } from "@/lib/openapi/types.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";

test("GET /api/openapi.json answers the OpenAPI 3.1 document without a session", async ({ apiAs }) => {
  const api = await apiAs(null);
  const res = await api.get("/api/openapi.json");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(res.headers()["cache-control"]).toBe("public, max-age=300");
  const doc = (await res.json()) as OpenApiDocument;
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/api/incidents"]?.post?.requestBody?.content["application/json"]?.schema.required).toEqual(["title", "severity"]);
});

test("the API reference lists every operation by tag, links from API tokens, and passes axe", async ({ pageAs }) => {
  // Axe reads every table of a long page: give it time on a loaded machine.
  test.setTimeout(180_000);
  const { page } = await pageAs("responder");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/settings/tokens");
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/api-docs$/);
  await expect(page).toHaveTitle("API reference · Warroom");

  const declare = page.getByRole("heading", { name: "POST /api/incidents", exact: true });
  await expect(declare).toBeVisible();
  const operation = page.locator("#declareIncident");
  await expect(
    operation.getByRole("table", { name: "Request body of POST /api/incidents" }).getByRole("row", { name: /severity/ }),
  ).toContainText('one of "SEV1", "SEV2", "SEV3", "SEV4"');
  await expect(operation).toContainText("Admin, Commander, Responder");

  // The table of contents jumps to an operation's anchor from the keyboard.
  const tocLink = page
    .getByRole("navigation", { name: "API reference contents" })
    .getByRole("link", { name: /POST\s*\/incidents\/\{id\}\/events$/ });
  await tocLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#postEvent$/);
  await expect(page.getByRole("heading", { name: "POST /api/incidents/{id}/events", exact: true })).toBeInViewport();

  await expect(page.getByRole("link", { name: "Download openapi.json" })).toHaveAttribute("href", "/api/openapi.json");
  await page.goto("/api-docs");
  await page.screenshot({ path: path.join(SCREENS_DIR, "api-docs.png"), animations: "disabled" });
  await page.locator("#postEvent").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENS_DIR, "api-docs-operation.png"), animations: "disabled" });
  await expectNoSeriousViolations(page);
});
