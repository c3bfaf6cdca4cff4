// The dependency map: the demo catalog drawn and filtered, a service's details, health arriving
// live from an API token, an incident's blast radius, and a 100+ service catalog kept readable.
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import type { CatalogGraphDto } from "@/lib/catalog/get-catalog-graph.ts";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { BASE_URL, SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { uniqueTag } from "./support/seed.ts";

const PAYMENT = "Payment gateway adapter";

const mapNode = (page: Page, name: string) => page.locator(`[data-testid="map-node"][data-service="${name}"]`);

async function graphOf(api: APIRequestContext): Promise<CatalogGraphDto> {
  const res = await api.get("/api/catalog/graph");
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as CatalogGraphDto;
}

async function serviceNamed(api: APIRequestContext, name: string) {
  const graph = await graphOf(api);
  const service = graph.services.find((s) => s.name === name);
  if (!service) throw new Error(`the demo catalog has no service named ${name}`);
  return { graph, service };
}

async function openMap(page: Page, url = "/map"): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "live");
  await expect(page.getByTestId("map-node").first()).toBeVisible();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), animations: "disabled" });
}

test("draws the demo services, filters by team, searches with /, and opens a service's details", async ({ pageAs, apiAs }) => {
  const { graph, service } = await serviceNamed(await apiAs("commander"), PAYMENT);
  const team = graph.teams.find((t) => t.id === service.team.id);
  // The demo catalog gives the payments team an on-call rota and the adapter a runbook.
  expect(team?.onCall.length, "demo Payments team has no on-call").toBeGreaterThan(0);
  expect(service.runbookUrl, "demo payment adapter has no runbook").toBeTruthy();

  const { page } = await pageAs("commander");
  await openMap(page);
  await expect(page).toHaveTitle(/Dependency map/);
  await expect(page.getByTestId("map-node")).toHaveCount(graph.services.length);
  for (const name of ["Storefront", "Checkout API", PAYMENT, "ERP sync"]) await expect(mapNode(page, name)).toBeVisible();
  // Closed by default below 1600 px, so it covers no nodes; one click opens it.
  await expect(page.getByTestId("map-legend")).not.toContainText("Payments");
  await page.getByTestId("map-legend").getByRole("button", { name: "Legend" }).click();
  await expect(page.getByTestId("map-legend")).toContainText("Payments");
  await shoot(page, "map-1366");
  await expectNoSeriousViolations(page);

  await page.getByLabel("Filter by team").selectOption({ label: "Payments" });
  await expect(page.getByTestId("map-count")).toHaveText(
    `${graph.services.filter((s) => s.team.id === service.team.id).length} of ${graph.services.length} services`,
  );
  await expect(mapNode(page, PAYMENT)).toBeVisible();
  await expect(mapNode(page, "Storefront")).toHaveCount(0);

  await mapNode(page, PAYMENT).click();
  const drawer = page.getByTestId("service-drawer");
  await expect(drawer.getByRole("heading", { name: PAYMENT })).toBeVisible();
  await expect(drawer.getByTestId("drawer-owner")).toContainText("Payments");
  await expect(drawer.getByTestId("drawer-oncall")).toContainText(team?.onCall[0] ?? "?");
  await expect(drawer.getByTestId("drawer-runbook")).toHaveAttribute("href", service.runbookUrl ?? "");
  await expect(drawer.getByRole("link", { name: "Open in catalog →" })).toHaveAttribute("href", `/catalog/services/${service.id}`);
  // The narrower canvas brings the chosen card out from under the legend.
  await expect
    .poll(async () => {
      const card = await mapNode(page, PAYMENT).boundingBox();
      const legend = await page.getByTestId("map-legend").boundingBox();
      return card && legend ? card.x + card.width <= legend.x : false;
    })
    .toBe(true);
  await shoot(page, "map-drawer-1366");

  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(mapNode(page, "Storefront")).toBeVisible();

  // Keyboard: a focused card opens with Enter and focus lands in its details; Esc closes them.
  await page.locator(".react-flow__node", { has: mapNode(page, "CRM") }).focus();
  await page.keyboard.press("Enter");
  await expect(drawer.getByRole("heading", { name: "CRM" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);

  // / focuses the search, Enter jumps to the match and opens it.
  await page.locator("body").click({ position: { x: 5, y: 200 } });
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search services by name or team")).toBeFocused();
  await page.keyboard.type("oms");
  await expect(mapNode(page, "OMS")).toHaveAttribute("data-match", "true");
  await expect(mapNode(page, "Storefront")).toHaveAttribute("data-dimmed", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("service-drawer").getByRole("heading", { name: "OMS" })).toBeVisible();

  // A responder in a data centre, on a phone: nothing wider than the screen, details still reachable.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("service-drawer")).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shoot(page, "map-drawer-phone");
});

test("a health push made with an API token turns the node down live, and a revoked token is refused", async ({
  pageAs,
  apiAs,
  playwright,
}) => {
  const { service } = await serviceNamed(await apiAs("commander"), PAYMENT);
  const { page } = await pageAs("commander");
  await openMap(page);
  const node = mapNode(page, PAYMENT);
  await expect(node).not.toHaveAttribute("data-health", "down");

  // A responder creates a write token on the settings page; it is shown once.
  const { page: settings } = await pageAs("responder");
  await settings.goto("/settings/tokens");
  await expect(settings).toHaveTitle(/API tokens/);
  const name = `e2e health push ${uniqueTag()}`;
  await settings.getByLabel("Name").fill(name);
  await settings.getByRole("radio", { name: /^Write/ }).check();
  await settings.getByRole("button", { name: "Create token" }).click();
  const token = ((await settings.getByTestId("new-token-value").textContent()) ?? "").trim();
  expect(token).toMatch(/^wr_/);
  await expect(settings.locator(`[data-testid="token-row"][data-token-name="${name}"]`)).toContainText(token.slice(0, 10));
  await shoot(settings, "settings-tokens-1366");
  await expectNoSeriousViolations(settings);

  const service_ = await playwright.request.newContext({ baseURL: BASE_URL });
  try {
    const message = `PSP timeouts ${uniqueTag()}`;
    const res = await service_.post(`/api/services/${service.id}/health`, {
      headers: { authorization: `Bearer ${token}` },
      data: { status: "down", message },
    });
    expect(res.status(), await res.text()).toBe(200);
    await expect(node).toHaveAttribute("data-health", "down");
    await expect(node).toContainText("Down");
    await node.click();
    await expect(page.getByTestId("drawer-health")).toHaveText(/Down/);
    await expect(page.getByTestId("service-drawer")).toContainText(message);
    await expect(page.getByTestId("map-count").locator("..")).toContainText("1 down");

    // Revoked on the page: the same token is refused, and nothing changes on the map.
    const row = settings.locator(`[data-testid="token-row"][data-token-name="${name}"]`);
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await row.getByRole("button", { name: "Revoke", exact: true }).click();
    await expect(row).toContainText("Revoked");
    const refused = await service_.post(`/api/services/${service.id}/health`, {
      headers: { authorization: `Bearer ${token}` },
      data: { status: "ok" },
    });
    expect(refused.status()).toBe(401);
    await expect(node).toHaveAttribute("data-health", "down");
  } finally {
    // Leave the demo adapter healthy for whoever runs next.
    const commander = await apiAs("commander");
    await commander.post(`/api/services/${service.id}/health`, { data: { status: "ok", message: "" } });
    await service_.dispose();
  }
});

test("an incident's view of the map highlights its impacted services and their blast radius", async ({ pageAs, apiAs }) => {
  const api = await apiAs("commander");
  const { service } = await serviceNamed(api, PAYMENT);
  const { incidents } = (await (await api.get("/api/incidents")).json()) as { incidents: IncidentDto[] };
  const inc1 = incidents.find((i) => i.number === 1);
  if (!inc1) throw new Error("the demo incident INC-1 is missing");
  const before = inc1.services.map((s) => s.id);

  const marked = await api.put(`/api/incidents/${inc1.id}/services`, { data: { serviceIds: [service.id] } });
  expect(marked.status(), await marked.text()).toBe(200);
  try {
    // From the room's blast-radius panel to the map.
    const { page } = await pageAs("commander");
    await page.goto(`/incidents/${inc1.id}`);
    await page.getByRole("link", { name: "View on map →" }).click();
    await expect(page).toHaveURL(new RegExp(`/map\\?incident=${inc1.id}$`));
    await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "live");

    const banner = page.getByTestId("incident-banner");
    await expect(banner).toContainText("INC-1");
    await expect(banner.getByRole("link", { name: "← Back to the room" })).toHaveAttribute("href", `/incidents/${inc1.id}`);
    await expect(mapNode(page, PAYMENT)).toHaveAttribute("data-role", "impacted");
    // Everything that calls the adapter, directly or through others, is in the blast radius.
    for (const name of ["Checkout API", "OMS", "Returns API", "Storefront"]) {
      await expect(mapNode(page, name), name).toHaveAttribute("data-role", "affected");
      await expect(mapNode(page, name)).toHaveAttribute("data-dimmed", "false");
    }
    // What neither depends on it nor is called by it is dimmed.
    for (const name of ["PIM", "Product feeds"]) await expect(mapNode(page, name), name).toHaveAttribute("data-dimmed", "true");
    await expect(banner).toContainText("1 impacted");
    await shoot(page, "map-incident-1366");

    await mapNode(page, "Storefront").click();
    await expect(page.getByTestId("drawer-role")).toContainText(`Storefront → Checkout API → ${PAYMENT}`);
  } finally {
    await api.put(`/api/incidents/${inc1.id}/services`, { data: { serviceIds: before } });
  }
});

test("stays readable with a catalog of more than 100 services", async ({ pageAs, apiAs }) => {
  test.setTimeout(180_000);
  const admin = await apiAs("admin");
  const tag = uniqueTag();
  const teamIds: string[] = [];
  const serviceIds: string[] = [];
  const kinds = ["api", "inventory", "oms", "search", "feed", "erp", "crm", "shipping"];
  const journeys = ["browse", "search", "product_page", "cart", "checkout", "payment", "fulfillment", "returns", "post_purchase"];

  // A few at a time: fast enough, and kind to a two-core machine.
  async function inBatches<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
    for (let i = 0; i < items.length; i += 8) await Promise.all(items.slice(i, i + 8).map(run));
  }
  const post = async (url: string, data: unknown) => {
    const res = await admin.post(url, { data });
    expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as { id: string };
  };

  try {
    await inBatches(
      Array.from({ length: 8 }, (_, i) => i),
      async (i) => {
        teamIds[i] = (await post("/api/teams", { name: `Domain ${i + 1} ${tag}`, onCall: [`domain-${i + 1}-primary`] })).id;
      },
    );
    await inBatches(
      Array.from({ length: 112 }, (_, i) => i),
      async (i) => {
        serviceIds[i] = (
          await post("/api/services", {
            name: `${kinds[i % kinds.length]}-svc-${String(i + 1).padStart(3, "0")} ${tag}`,
            kind: kinds[i % kinds.length],
            tier: (i % 3) + 1,
            teamId: teamIds[i % teamIds.length],
            journeys: [journeys[i % journeys.length]],
          })
        ).id;
      },
    );
    // Layers, like real stacks: each service calls two in the next band of the list. Near the end
    // both picks can be the last service: one edge, or two identical adds would race.
    const edges = serviceIds.flatMap((id, i) =>
      i + 14 < serviceIds.length
        ? [
            [id, serviceIds[i + 14]],
            [id, serviceIds[Math.min(serviceIds.length - 1, i + 17 + (i % 5))]],
          ]
        : [],
    );
    await inBatches(
      edges.filter(([from, to], k) => edges.findIndex(([f, t]) => f === from && t === to) === k),
      async ([from, to]) => {
        await post(`/api/services/${from}/dependencies`, { toId: to, isAsync: Boolean((from ?? "").charCodeAt(0) % 2) });
      },
    );

    const { page } = await pageAs("commander");
    await openMap(page);
    const total = (await graphOf(admin)).services.length;
    expect(total).toBeGreaterThan(100);
    await expect(page.getByTestId("map-count")).toHaveText(`${total} services`);
    await shoot(page, "map-120-services-1366");

    // Zoomed out, cards switch to large names so the overview stays legible; one team at a time is a normal map.
    await page.getByLabel("Filter by team").selectOption({ label: `Domain 3 ${tag}` });
    await expect(page.getByTestId("map-count")).toHaveText(`14 of ${total} services`);
    await shoot(page, "map-120-services-one-team-1366");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.keyboard.press("/");
    await page.keyboard.type("svc-077");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("service-drawer").getByRole("heading", { name: /svc-077/ })).toBeVisible();
    await expect(page.locator(`[data-testid="map-node"][data-match="true"]`)).toBeInViewport();
    await shoot(page, "map-120-services-search-1366");
  } finally {
    const remove = async (url: string) => void (await admin.delete(url));
    await inBatches(serviceIds.filter(Boolean), (id) => remove(`/api/services/${id}`));
    await inBatches(teamIds.filter(Boolean), (id) => remove(`/api/teams/${id}`));
  }
});
