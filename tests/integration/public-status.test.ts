import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAppError } from "../helpers/app-error.ts";
import { db } from "../../lib/db/client.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { setIncidentImpact } from "../../lib/incidents/set-incident-impact.ts";
import { loadPublicStatus } from "../../lib/status/load-public-status.ts";
import { setStatusSettings } from "../../lib/status/set-status-settings.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { seedStakeholderUpdate } from "../helpers/seed-stakeholder.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
let slug: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Acme Shop");
  slug = (await db().organization.findUniqueOrThrow({ where: { id: org.id } })).slug;
});
afterAll(() => testDb.close());

const statusOf = async (s: string | null = slug) => {
  const status = await loadPublicStatus(s);
  if (!status) throw new Error("no status");
  return status;
};
const journey = (status: Awaited<ReturnType<typeof statusOf>>, name: string) => status.journeys.find((j) => j.journey === name)?.status;

describe("the public status", () => {
  it("is all operational with no public updates, and internal updates never show", async () => {
    const incident = await seedIncident(org.commander, { title: "PSP adapter retry storm (internal)" });
    await seedStakeholderUpdate(org.commander, incident.id, {
      affected: "Internal only: OMS backlog",
      isPublic: false,
      journeyStatus: { checkout: "major_outage" },
    });
    const status = await statusOf();
    expect(status.organization.name).toBe("Acme Shop");
    expect(status.overall).toEqual({ status: "operational", label: "All systems operational" });
    expect(status.journeys).toHaveLength(9);
    expect(status.journeys.every((j) => j.status === "operational")).toBe(true);
    expect(status.activeIncidents).toEqual([]);
    expect(JSON.stringify(status)).not.toContain("Internal only");
  });

  it("shows each journey at the worst status of the open incidents' latest public updates", async () => {
    const a = await seedIncident(org.commander, { title: "Gateway 5xx (internal title)" });
    await seedStakeholderUpdate(org.commander, a.id, {
      affected: "Payments failing",
      isPublic: true,
      journeyStatus: { payment: "major_outage", checkout: "major_outage" },
    });
    // The latest public update of an incident is what counts: checkout is better now.
    await seedStakeholderUpdate(org.commander, a.id, {
      affected: "Payments recovering",
      doing: "Watching error rates",
      isPublic: true,
      journeyStatus: { payment: "degraded", checkout: "degraded" },
    });
    // An internal update after it changes nothing public.
    await seedStakeholderUpdate(org.commander, a.id, { affected: "Secret", isPublic: false, journeyStatus: { payment: "operational" } });
    const b = await seedIncident(org.commander);
    await seedStakeholderUpdate(org.commander, b.id, {
      affected: "Checkout errors for some",
      isPublic: true,
      journeyStatus: { checkout: "partial_outage" },
    });

    const status = await statusOf();
    expect(journey(status, "payment")).toBe("degraded");
    expect(journey(status, "checkout")).toBe("partial_outage");
    expect(journey(status, "search")).toBe("operational");
    expect(status.overall).toEqual({ status: "partial_outage", label: "Partial outage" });
    const shown = status.activeIncidents.find((i) => i.updates.some((u) => u.affected === "Payments recovering"));
    expect(shown?.updates.map((u) => u.affected)).toEqual(["Payments recovering", "Payments failing"]);
    expect(shown?.headline).toBe("Payments recovering");
    // Nothing internal: no titles, no people, no internal updates.
    const text = JSON.stringify(status);
    for (const secret of ["internal title", "Secret", org.commander.name, org.commander.userId, a.id]) expect(text).not.toContain(secret);

    // The customer-facing line, when written, is the headline.
    await updateIncident(org.commander, b.id, { customerStatus: "Some customers cannot check out" });
    expect((await statusOf()).activeIncidents.map((i) => i.headline)).toContain("Some customers cannot check out");

    // Resolved: journeys go back to operational, the incident moves to "recently resolved".
    await updateIncident(org.commander, a.id, { status: "resolved" });
    await updateIncident(org.commander, b.id, { status: "resolved" });
    const after = await statusOf();
    expect(after.overall.status).toBe("operational");
    expect(after.activeIncidents).toEqual([]);
    expect(after.resolvedIncidents.map((i) => i.headline)).toEqual(
      expect.arrayContaining(["Payments recovering", "Some customers cannot check out"]),
    );
    expect(after.resolvedIncidents.every((i) => i.isResolved && i.resolvedAt)).toBe(true);
  });

  it("drops incidents resolved more than 7 days ago", async () => {
    const old = await seedIncident(org.commander);
    await seedStakeholderUpdate(org.commander, old.id, { affected: "Long ago", isPublic: true });
    await updateIncident(org.commander, old.id, { status: "resolved" });
    expect((await statusOf()).resolvedIncidents.some((i) => i.headline === "Long ago")).toBe(true);
    await db().incident.update({ where: { id: old.id }, data: { resolvedAt: new Date(Date.now() - 8 * 24 * 3600_000) } });
    expect((await statusOf()).resolvedIncidents.some((i) => i.headline === "Long ago")).toBe(false);
  });

  it("without a slug is the first organisation created; another slug is that organisation; an unknown one is null", async () => {
    const other = await seedOrganization("Globex Outlet");
    const otherSlug = (await db().organization.findUniqueOrThrow({ where: { id: other.id } })).slug;
    const incident = await seedIncident(other.commander);
    await seedStakeholderUpdate(other.commander, incident.id, {
      affected: "Globex search down",
      isPublic: true,
      journeyStatus: { search: "major_outage" },
    });
    expect((await statusOf(null)).organization.name).toBe("Acme Shop");
    expect(JSON.stringify(await statusOf(slug))).not.toContain("Globex search down");
    const globex = await statusOf(otherSlug);
    expect(globex.organization.name).toBe("Globex Outlet");
    expect(journey(globex, "search")).toBe("major_outage");
    expect(await loadPublicStatus("no-such-shop")).toBeNull();
  });

  describe("impacted journeys shown automatically (organisation setting)", () => {
    it("off by default: a degraded journey shows only once someone publishes; on: at once, in generic words", async () => {
      const shop = await seedOrganization("Initech Store");
      const shopSlug = (await db().organization.findUniqueOrThrow({ where: { id: shop.id } })).slug;
      const incident = await seedIncident(shop.commander, { title: "PSP webhook backlog (internal)", severity: "SEV1" });
      await setIncidentImpact(shop.commander, incident.id, { journeys: { checkout: { degradation: 60 }, payment: { degradation: 95 } } });

      const off = await statusOf(shopSlug);
      expect(off.overall).toEqual({ status: "operational", label: "All systems operational" });
      expect(off.activeIncidents).toEqual([]);

      await expectAppError(setStatusSettings(shop.commander, { statusAutoImpact: true }), "forbidden");
      await expectAppError(setStatusSettings(shop.admin, { statusAutoImpact: "yes" }), "validation_failed", "statusAutoImpact");
      expect(await setStatusSettings(shop.admin, { statusAutoImpact: true })).toEqual({ statusAutoImpact: true });
      const on = await statusOf(shopSlug);
      expect(journey(on, "payment")).toBe("major_outage");
      expect(journey(on, "checkout")).toBe("partial_outage");
      expect(journey(on, "search")).toBe("operational");
      expect(on.overall.status).toBe("major_outage");
      expect(on.activeIncidents).toHaveLength(1);
      expect(on.activeIncidents[0]).toMatchObject({
        headline: "We are investigating problems with Payment and Checkout.",
        stage: "Investigating",
        updates: [],
      });
      const text = JSON.stringify(on);
      for (const secret of ["internal", "PSP", incident.id, shop.commander.name]) expect(text).not.toContain(secret);

      // A published update is what a person chose to say: it replaces the automatic wording.
      await seedStakeholderUpdate(shop.commander, incident.id, {
        affected: "Some card payments fail",
        isPublic: true,
        journeyStatus: { payment: "degraded" },
      });
      const published = await statusOf(shopSlug);
      expect(published.activeIncidents.map((i) => i.headline)).toEqual(["Some card payments fail"]);
      expect(journey(published, "payment")).toBe("degraded");

      // Impact back to 0 % and nothing published on a second incident: nothing to show for it.
      const quiet = await seedIncident(shop.commander);
      await setIncidentImpact(shop.commander, quiet.id, { journeys: { search: { degradation: 30 } } });
      expect(journey(await statusOf(shopSlug), "search")).toBe("degraded");
      await setIncidentImpact(shop.commander, quiet.id, { journeys: { search: { degradation: 0 } } });
      expect(journey(await statusOf(shopSlug), "search")).toBe("operational");

      // Resolved: gone from current incidents.
      await updateIncident(shop.commander, incident.id, { status: "resolved" });
      expect((await statusOf(shopSlug)).activeIncidents).toEqual([]);
    });
  });

  it("never shows a practice drill, published or impacted", async () => {
    const shop = await seedOrganization("Umbrella Goods");
    const shopSlug = (await db().organization.findUniqueOrThrow({ where: { id: shop.id } })).slug;
    await setStatusSettings(shop.admin, { statusAutoImpact: true });
    const incident = await seedIncident(shop.commander, { title: "Drill: gateway timeouts" });
    await setIncidentImpact(shop.commander, incident.id, { journeys: { checkout: { degradation: 80 } } });
    await seedStakeholderUpdate(shop.commander, incident.id, {
      affected: "Drill: checkout failing",
      isPublic: true,
      journeyStatus: { checkout: "major_outage" },
    });
    // The same incident is real until it is marked as a drill's.
    expect(journey(await statusOf(shopSlug), "checkout")).toBe("major_outage");
    const drill = await db().drill.create({
      data: { organizationId: shop.id, scenarioKey: "custom", scenarioName: "Gateway timeouts", scenarioYaml: "name: x" },
    });
    await db().incident.update({ where: { id: incident.id }, data: { drillId: drill.id } });
    const status = await statusOf(shopSlug);
    expect(status.overall).toEqual({ status: "operational", label: "All systems operational" });
    expect(status.activeIncidents).toEqual([]);
    expect(JSON.stringify(status)).not.toContain("checkout failing");
  });
});
