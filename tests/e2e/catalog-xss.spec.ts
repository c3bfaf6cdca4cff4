// XSS sweep of the catalog and the dependency map: a team, two services, their health and an
// incident touching them carry script, event-handler and attribute-breaking payloads in every free
// text field. Every page that shows them (map, its details drawer, catalog list, service and team
// pages) must print them as text; `javascript:` and other script URLs never get stored at all.
import type { APIRequestContext, APIResponse, Locator, Page } from "@playwright/test";
import type { ServiceDetailDto, TeamDetailDto } from "@/lib/catalog/catalog-dto.ts";
import type { TServiceInput, TTeamInput } from "@/lib/catalog/schemas.ts";
import { expect, test } from "./support/fixtures.ts";
import { seedIncident, uniqueTag } from "./support/seed.ts";

/** What a payload would run if it ever executed: a marker naming the field, and a dialog. */
const run = (field: string) => `window.__xss='${field}';alert('${field}')`;

// Each kind of hole has its payload: raw tags, a tag that closes an inline <script> (props
// serialised into the page), and quotes that break out of an attribute.
const img = (field: string) => `<img src=x onerror="${run(field)}">`;
const script = (field: string) => `<script>${run(field)}</script>`;
const closeScript = (field: string) => `</script><script>${run(field)}</script>`;
const attr = (field: string) => `"><svg onload="${run(field)}">`;

async function created<T>(res: APIResponse): Promise<T> {
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

async function refusedFields(res: APIResponse): Promise<string[]> {
  expect(res.status(), await res.text()).toBe(422);
  const body = (await res.json()) as { error: { code: string; details?: { fields?: { field: string }[] } } };
  expect(body.error.code).toBe("validation_failed");
  return (body.error.details?.fields ?? []).map((f) => f.field);
}

/** Fails the test on any dialog, and keeps a list so the assertion names the field. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** Nothing the payloads carry became markup or ran. */
async function expectInert(page: Page, dialogs: string[]): Promise<void> {
  await expect(page.locator('img[src="x"], svg[onload], iframe, [onerror], [onload], [onmouseover]')).toHaveCount(0);
  // The payload text does sit inside Next's inline data scripts, as an escaped string: what must
  // not exist is a script element whose own code is the payload.
  const injectedScripts = await page
    .locator("script")
    .evaluateAll((scripts) => scripts.filter((s) => (s.textContent ?? "").trimStart().startsWith("window.__xss")).length);
  expect(injectedScripts, "a payload became a <script> element").toBe(0);
  expect(await page.evaluate(() => Reflect.get(window, "__xss") as unknown), "a payload ran").toBeUndefined();
  expect(dialogs, "a payload opened a dialog").toEqual([]);
}

/** The link points where the catalog says, over http(s): never a script URL. */
async function expectSafeLink(link: Locator, href: string): Promise<void> {
  await expect(link).toHaveAttribute("href", href);
  expect(await link.evaluate((a) => (a as HTMLAnchorElement).protocol)).toBe("https:");
}

async function expectTexts(scope: Locator, texts: string[]): Promise<void> {
  await expect(scope).toBeVisible();
  for (const text of texts) await expect(scope, `"${text}" is not shown literally`).toContainText(text);
}

// What the test created, undone even when it fails half-way: later specs measure the catalog pages
// and its long payload names would widen them (a timeout here once failed two screenshot specs).
const undo: (() => Promise<unknown>)[] = [];
test.afterEach(async () => {
  for (const step of undo.splice(0).reverse()) await step().catch(() => undefined);
});

test("payloads in every catalog field render inert on the map, its details drawer and the catalog pages", async ({ apiAs, pageAs }) => {
  test.setTimeout(120_000);
  const api: APIRequestContext = await apiAs("commander");
  const tag = uniqueTag();

  const team: TTeamInput = {
    name: `${img("team.name")} Team ${tag}`,
    chatChannel: `#${script("team.chatChannel")}`,
    description: `${closeScript("team.description")} ${img("team.description")}`,
    onCall: [`${img("team.onCall.0")} Jo ${tag}`, attr("team.onCall.1")],
    escalationContact: `<iframe src="javascript:${run("team.escalation")}"></iframe>`,
  };
  const teamDto = await created<TeamDetailDto>(await api.post("/api/teams", { data: team }));
  undo.push(() => api.delete(`/api/teams/${teamDto.id}`));

  const runbookUrl = `https://runbooks.example.com/${tag}?q="><img src=x onerror="${run("runbookUrl")}">`;
  const healthCheckUrl = `https://health.example.invalid/${tag}?"><script>${run("healthCheckUrl")}</script>`;
  const serviceA: TServiceInput = {
    name: `${script("service.name")} Svc A ${tag}`,
    teamId: teamDto.id,
    tier: 1,
    kind: "payment",
    journeys: ["checkout"],
    description: `${closeScript("service.description")} ${img("service.description")} [runbook](javascript:${run("markdown")})`,
    runbookUrl,
    system: attr("service.system"),
  };
  // Script URLs are refused where they come in, whatever their spelling, on create, edit and import.
  for (const bad of [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "  javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
  ]) {
    expect(await refusedFields(await api.post("/api/services", { data: { ...serviceA, runbookUrl: bad } })), bad).toEqual(["runbookUrl"]);
  }
  expect(await refusedFields(await api.post("/api/services", { data: { ...serviceA, healthCheckUrl: "javascript:alert(1)" } }))).toEqual([
    "healthCheckUrl",
  ]);
  expect(await refusedFields(await api.post("/api/services", { data: { ...serviceA, journeys: [script("journey")] } }))).toEqual([
    "journeys.0",
  ]);
  const imported = await api.post("/api/catalog/import?dryRun=1", {
    headers: { "content-type": "application/yaml" },
    data: `version: 1\nservices:\n  - name: Imported ${tag}\n    owner: Payments\n    runbookUrl: "javascript:alert(1)"\n`,
  });
  expect(imported.status(), await imported.text()).toBe(422);

  const a = await created<ServiceDetailDto>(await api.post("/api/services", { data: serviceA }));
  undo.push(() => api.delete(`/api/services/${a.id}`));
  expect(await refusedFields(await api.patch(`/api/services/${a.id}`, { data: { runbookUrl: "javascript:alert(1)" } }))).toEqual([
    "runbookUrl",
  ]);
  const serviceB: TServiceInput = { name: `${attr("service.name")} Svc B ${tag}`, teamId: teamDto.id, healthCheckUrl };
  const b = await created<ServiceDetailDto>(await api.post("/api/services", { data: serviceB }));
  undo.push(() => api.delete(`/api/services/${b.id}`));
  expect((await api.post(`/api/services/${a.id}/dependencies`, { data: { toId: b.id } })).status()).toBe(201);
  const healthMessage = img("health.message");
  expect((await api.post(`/api/services/${a.id}/health`, { data: { status: "degraded", message: healthMessage } })).status()).toBe(200);
  const incident = await seedIncident(api, { title: `${img("incident.title")} Map ${tag}` });
  undo.push(() => api.put(`/api/incidents/${incident.id}/services`, { data: { serviceIds: [] } }));
  const impacted = await api.put(`/api/incidents/${incident.id}/services`, { data: { serviceIds: [a.id] } });
  expect(impacted.status(), await impacted.text()).toBe(200);

  const { page } = await pageAs("commander");
  const dialogs = watchDialogs(page);

  await test.step("the map: nodes, team filter, search and the details drawer", async () => {
    await page.goto("/map");
    await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "live");
    await page.getByLabel("Filter by team").selectOption({ label: team.name });
    await expect(page.getByTestId("map-count")).toHaveText(/^2 of \d+ services$/);
    const nodes = page.getByTestId("map-node");
    await expect(nodes).toHaveCount(2);
    await expectTexts(nodes.filter({ hasText: `Svc A ${tag}` }), [serviceA.name, team.name]);
    await expectTexts(nodes.filter({ hasText: `Svc B ${tag}` }), [serviceB.name]);
    await page.getByTestId("map-legend").getByRole("button", { name: "Legend" }).click();
    await expectTexts(page.getByTestId("map-legend"), [team.name]);

    await page.getByLabel("Search services by name or team").fill(`Svc A ${tag}`);
    await page.getByLabel("Search services by name or team").press("Enter");
    const drawer = page.getByTestId("service-drawer");
    await expect(drawer.getByRole("heading", { level: 2 })).toHaveText(serviceA.name);
    await expectTexts(drawer.getByTestId("drawer-owner"), [team.name, team.chatChannel ?? ""]);
    await expectTexts(drawer.getByTestId("drawer-oncall"), team.onCall ?? []);
    await expectTexts(drawer, [
      team.escalationContact ?? "",
      healthMessage,
      serviceA.description ?? "",
      incident.title,
      serviceB.name,
      runbookUrl,
    ]);
    await expectSafeLink(drawer.getByTestId("drawer-runbook"), runbookUrl);
    await expectInert(page, dialogs);

    // Through the dependency to the other service, whose name breaks out of attributes.
    await drawer.getByRole("button", { name: serviceB.name }).click();
    await expect(drawer.getByRole("heading", { level: 2 })).toHaveText(serviceB.name);
    await expectTexts(drawer, [serviceA.name]);
    await expectInert(page, dialogs);
  });

  await test.step("the map opened from the incident", async () => {
    await page.goto(`/map?incident=${incident.id}`);
    await expectTexts(page.getByTestId("incident-banner"), [incident.title]);
    await expect(page.getByTestId("map-node").filter({ hasText: `Svc A ${tag}` })).toHaveAttribute("data-role", "impacted");
    await expectInert(page, dialogs);
  });

  await test.step("the catalog list, filtered by the search", async () => {
    await page.goto(`/catalog?q=${tag}`);
    const rows = page.getByTestId("service-row");
    await expect(rows).toHaveCount(2);
    await expectTexts(rows.filter({ hasText: `Svc A ${tag}` }), [serviceA.name, serviceA.system ?? "", team.name, team.onCall?.[0] ?? ""]);
    await expectTexts(rows.filter({ hasText: `Svc B ${tag}` }), [serviceB.name]);
    await expectTexts(page.getByTestId("team-card").filter({ hasText: `Team ${tag}` }), [
      team.name,
      team.chatChannel ?? "",
      team.onCall?.[0] ?? "",
    ]);
    await expectInert(page, dialogs);
  });

  await test.step("the service page, with its edit form open", async () => {
    await page.goto(`/catalog/services/${a.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(serviceA.name);
    await expect(page).toHaveTitle(`${serviceA.name} · Catalog · Warroom`);
    await expectTexts(page.locator("main"), [
      serviceA.system ?? "",
      serviceA.description ?? "",
      runbookUrl,
      healthMessage,
      serviceB.name,
      incident.title,
    ]);
    await expectTexts(page.getByRole("region", { name: "Owner" }), [
      team.name,
      team.chatChannel ?? "",
      ...(team.onCall ?? []),
      team.escalationContact ?? "",
    ]);
    await expectSafeLink(page.getByRole("link", { name: /Open runbook/ }), runbookUrl);
    await expectSafeLink(page.getByRole("link", { name: runbookUrl }), runbookUrl);
    await page.getByRole("button", { name: /^Edit/ }).click();
    const form = page.getByRole("region", { name: "Edit service" });
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue(serviceA.name);
    await expect(form.getByLabel("Description", { exact: true })).toHaveValue(serviceA.description ?? "");
    await expect(form.getByLabel("Runbook URL", { exact: true })).toHaveValue(runbookUrl);
    await expectInert(page, dialogs);

    await page.goto(`/catalog/services/${b.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(serviceB.name);
    await expectTexts(page.locator("main"), [healthCheckUrl, serviceA.name]);
    await expectInert(page, dialogs);
  });

  await test.step("the team page", async () => {
    await page.goto(`/catalog/teams/${teamDto.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(team.name);
    await expectTexts(page.locator("main"), [team.chatChannel ?? "", team.description ?? "", serviceA.name, serviceB.name]);
    await expectTexts(page.getByRole("region", { name: "Who to call" }), [...(team.onCall ?? []), team.escalationContact ?? ""]);
    await expectInert(page, dialogs);
  });

  // Leave the catalog as the other specs expect it: no extra team or services.
  expect((await api.put(`/api/incidents/${incident.id}/services`, { data: { serviceIds: [] } })).status()).toBe(200);
  for (const id of [a.id, b.id]) expect((await api.delete(`/api/services/${id}`)).status()).toBe(200);
  expect((await api.delete(`/api/teams/${teamDto.id}`)).status()).toBe(200);
  undo.length = 0;
});
