import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { loadPublicStatus } from "../../lib/status/get-public-status.ts";
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
    await seedStakeholderUpdate(org.commander, incident.id, { affected: "Internal only: OMS backlog", isPublic: false, journeyStatus: { checkout: "major_outage" } });
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
    await seedStakeholderUpdate(org.commander, a.id, { affected: "Payments failing", isPublic: true, journeyStatus: { payment: "major_outage", checkout: "major_outage" } });
    // The latest public update of an incident is what counts: checkout is better now.
    await seedStakeholderUpdate(org.commander, a.id, { affected: "Payments recovering", doing: "Watching error rates", isPublic: true, journeyStatus: { payment: "degraded", checkout: "degraded" } });
    // An internal update after it changes nothing public.
    await seedStakeholderUpdate(org.commander, a.id, { affected: "Secret", isPublic: false, journeyStatus: { payment: "operational" } });
    const b = await seedIncident(org.commander);
    await seedStakeholderUpdate(org.commander, b.id, { affected: "Checkout errors for some", isPublic: true, journeyStatus: { checkout: "partial_outage" } });

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
    expect(after.resolvedIncidents.map((i) => i.headline)).toEqual(expect.arrayContaining(["Payments recovering", "Some customers cannot check out"]));
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
    await seedStakeholderUpdate(other.commander, incident.id, { affected: "Globex search down", isPublic: true, journeyStatus: { search: "major_outage" } });
    expect((await statusOf(null)).organization.name).toBe("Acme Shop");
    expect(JSON.stringify(await statusOf(slug))).not.toContain("Globex search down");
    const globex = await statusOf(otherSlug);
    expect(globex.organization.name).toBe("Globex Outlet");
    expect(journey(globex, "search")).toBe("major_outage");
    expect(await loadPublicStatus("no-such-shop")).toBeNull();
  });
});
