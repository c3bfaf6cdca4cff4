import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionItem } from "../../lib/action-items/create-action-item.ts";
import { db } from "../../lib/db/client.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import { setIncidentImpact } from "../../lib/incidents/set-incident-impact.ts";
import { updateImpactSettings } from "../../lib/impact/impact-settings.ts";
import { getInsights } from "../../lib/insights/get-insights.ts";
import { exportPostmortemMarkdown } from "../../lib/postmortems/export-postmortem-markdown.ts";
import { listPostmortems } from "../../lib/postmortems/list-postmortems.ts";
import { appErrorOf } from "../helpers/app-error.ts";
import { seedCatalog, seedIncident, seedOrganization, type SeededCatalog, type SeededOrganization } from "../helpers/seed.ts";
import { seedPostmortemRow } from "../helpers/seed-postmortem-rows.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let acme: SeededOrganization;
let globex: SeededOrganization;
let catalog: SeededCatalog;
let otherTeamCatalog: SeededCatalog;
const ids = { payment: "", search: "", draft: "", theirs: "" };

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
  catalog = await seedCatalog(acme.admin, "pay");
  otherTeamCatalog = await seedCatalog(acme.admin, "srch");

  // $1,000 a minute through checkout, fully lost when it is broken: half broken for an hour ≈ $30,000.
  await updateImpactSettings(acme.admin, {
    baselines: { checkout: { revenuePerMinute: 1000, ordersPerMinute: 10, customersPerMinute: 100, conversionWeight: 1 } },
  });
  const payment = await seedIncident(acme.admin, { title: "PSP timeouts at checkout", severity: "SEV1" });
  const hourAgo = new Date(Date.now() - 60 * 60_000);
  await db().incident.update({ where: { id: payment.id }, data: { startedAt: hourAgo } });
  await setImpactedServices(acme.admin, payment.id, { serviceIds: [catalog.gateway.id] });
  await setIncidentImpact(acme.admin, payment.id, { journeys: { checkout: { degradation: 50, since: hourAgo.toISOString() } } });
  await db().incident.update({ where: { id: payment.id }, data: { status: "resolved", resolvedAt: new Date() } });
  ids.payment = (
    await seedPostmortemRow(acme.admin, payment.id, {
      title: "Payment timeouts (being edited again)",
      publishedTitle: "Payment gateway timeouts during the flash sale",
      sections: [
        { key: "summary", title: "Summary", body: "Retries with no back-off exhausted the connection pool to the PSP." },
        { key: "lessons", title: "Lessons", body: "New payment flows ship behind a flag | with back-off." },
      ],
    })
  ).id;

  const search = await seedIncident(acme.admin, { title: "Search index stale", severity: "SEV3" });
  await setImpactedServices(acme.admin, search.id, { serviceIds: [otherTeamCatalog.checkout.id] });
  ids.search = (
    await seedPostmortemRow(acme.admin, search.id, {
      title: "Stale search results",
      sections: [{ key: "summary", title: "Summary", body: "A bulk PIM change delayed 50%_of updates." }],
    })
  ).id;

  const draft = await seedIncident(acme.admin, { title: "Returns sync broken", severity: "SEV2" });
  ids.draft = (
    await seedPostmortemRow(acme.admin, draft.id, {
      status: "draft",
      title: "Returns sync draft",
      sections: [{ key: "summary", title: "Summary", body: "Status code renamed in a release." }],
    })
  ).id;

  ids.theirs = (
    await seedPostmortemRow(globex.admin, (await seedIncident(globex.admin, { title: "Globex outage" })).id, {
      title: "Globex pool exhausted",
    })
  ).id;

  await createActionItem(acme.admin, ids.payment, {
    title: "Size the pool for sale traffic",
    ownerTeamId: catalog.team.id,
    dueDate: "2026-12-01",
    priority: "high",
  });
  await createActionItem(acme.admin, ids.payment, { title: "Back-off in one-click", status: "done" });
});
afterAll(() => testDb.close());

const titles = async (query: Record<string, string>, actor = acme.viewer) =>
  (await listPostmortems(actor, query)).postmortems.map((p) => p.title).sort();

describe("the post-mortem library", () => {
  it("lists published post-mortems of the organisation with the frozen title, loss and open follow-ups", async () => {
    const { postmortems, currency } = await listPostmortems(acme.viewer, {});
    expect(currency).toBe("USD");
    expect(postmortems.map((p) => p.title).sort()).toEqual(["Payment gateway timeouts during the flash sale", "Stale search results"]);
    const payment = postmortems.find((p) => p.id === ids.payment);
    expect(payment).toMatchObject({
      status: "published",
      publishedRevision: 1,
      openFollowUps: 1,
      incident: { severity: "SEV1" },
      services: [{ id: catalog.gateway.id }],
    });
    expect(payment?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("searches titles and the published sections' text, any case, with % and _ taken literally", async () => {
    expect(await titles({ q: "CONNECTION POOL" })).toEqual(["Payment gateway timeouts during the flash sale"]);
    expect(await titles({ q: "flash sale" })).toEqual(["Payment gateway timeouts during the flash sale"]);
    expect(await titles({ q: "50%_of" })).toEqual(["Stale search results"]);
    expect(await titles({ q: "50%" })).toEqual(["Stale search results"]);
    expect(await titles({ q: "5_%" })).toEqual([]);
    // The draft's text is not searched for readers of published post-mortems, nor another organisation's.
    expect(await titles({ q: "renamed" })).toEqual([]);
    expect(await titles({ q: "Globex" })).toEqual([]);
  });

  it("filters by severity, service, owning team, journey and date", async () => {
    expect(await titles({ severity: "SEV3" })).toEqual(["Stale search results"]);
    expect(await titles({ serviceId: catalog.gateway.id })).toEqual(["Payment gateway timeouts during the flash sale"]);
    expect(await titles({ teamId: otherTeamCatalog.team.id })).toEqual(["Stale search results"]);
    expect(await titles({ journey: "checkout" })).toEqual(["Payment gateway timeouts during the flash sale"]);
    expect(await titles({ journey: "returns" })).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await titles({ from: today, to: today })).toHaveLength(2);
    expect(await titles({ to: "2020-01-01" })).toEqual([]);
    const bad = await appErrorOf(listPostmortems(acme.viewer, { severity: "SEV9" }));
    expect(bad.status).toBe(422);
  });

  it("shows drafts to writers only", async () => {
    expect(await titles({ status: "draft" }, acme.responder)).toEqual(["Returns sync draft"]);
    expect(await titles({ status: "all", q: "renamed" }, acme.responder)).toEqual(["Returns sync draft"]);
    expect((await appErrorOf(listPostmortems(acme.viewer, { status: "draft" }))).status).toBe(403);
  });
});

describe("Markdown export", () => {
  it("exports the latest published revision's title and sections with the current action items", async () => {
    const file = await exportPostmortemMarkdown(acme.viewer, ids.payment);
    expect(file.filename).toMatch(/^inc-\d+-postmortem-r1\.md$/);
    expect(file.body).toMatch(/^# Payment gateway timeouts during the flash sale\n/);
    expect(file.body).not.toContain("being edited again");
    expect(file.body).toContain("## Summary\n\nRetries with no back-off exhausted the connection pool to the PSP.\n");
    expect(file.body).toContain(`| Size the pool for sale traffic | ${catalog.team.name} (team) | 2026-12-01 | High | Open | — |`);
    expect(file.body).toContain("| Back-off in one-click | — | — | Medium | Done | — |");
  });

  it("refuses a post-mortem never published (409) and another organisation's (404)", async () => {
    expect((await appErrorOf(exportPostmortemMarkdown(acme.admin, ids.draft))).status).toBe(409);
    expect((await appErrorOf(exportPostmortemMarkdown(acme.admin, ids.theirs))).status).toBe(404);
  });
});

describe("insights", () => {
  it("counts this week's incidents by severity, the loss on checkout and the follow-up completion", async () => {
    const data = await getInsights(acme.viewer, { weeks: "4" });
    expect(data.weeks).toBe(4);
    expect(data.perWeek).toHaveLength(4);
    // Summed over the range: the payment incident started an hour ago, maybe in last week.
    const sum = (s: "SEV1" | "SEV2" | "SEV3" | "SEV4") => data.perWeek.reduce((n, w) => n + w.bySeverity[s], 0);
    expect([sum("SEV1"), sum("SEV2"), sum("SEV3"), sum("SEV4")]).toEqual([1, 1, 1, 0]);
    expect(data.incidentCount).toBe(3);
    expect(data.totalLoss).toBeGreaterThan(29_900);
    expect(data.totalLoss).toBeLessThan(30_600);
    // Summed in another order than the total: equal to the cent, not to the last bit of a double.
    expect(data.lossByJourney).toEqual([{ journey: "checkout", loss: expect.closeTo(data.totalLoss, 6) as unknown }]);
    expect(data.lossByService).toEqual([{ id: catalog.gateway.id, name: catalog.gateway.name, loss: data.totalLoss }]);
    // Two items on the payment post-mortem: one done of two counted.
    expect(data.followUps).toMatchObject({ total: 2, done: 1, wontDo: 0, completionRate: 0.5 });
    expect((await appErrorOf(getInsights(acme.viewer, { weeks: "7" }))).status).toBe(422);
  });
});
