import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client.ts";
import { createService } from "../../lib/catalog/create-service.ts";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { getIncidentOrThrow } from "../../lib/incident-record/get-incident.ts";
import { readIncidentHeader } from "../../lib/incident-record/read-incident-header.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import { setIncidentRole, setResponder } from "../../lib/incidents/set-incident-role.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { appErrorOf } from "../helpers/app-error.ts";
import { seedIncident, seedOrganization, seedPeople, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

// The room's join reads the incident in one statement (readIncidentHeader); everything else reads
// it through the ORM (getIncidentOrThrow). Both must give the same incident, to the last field.
let testDb: TestDatabase;
let acme: SeededOrganization;
let globex: SeededOrganization;

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
});
afterAll(() => testDb.close());

describe("the incident in one statement", () => {
  it("equals the ORM's read for an incident with every relation filled", async () => {
    const [ana, bo, cy] = await seedPeople(acme.id, 3, "Responder");
    const payments = await createTeam(acme.admin, { name: "Payments" });
    const storefront = await createTeam(acme.admin, { name: "Storefront" });
    // Tiers and names out of order (and a lower-case name) so the ordering is what is tested.
    const services = [
      await createService(acme.admin, { name: "search", teamId: storefront.id, tier: 3 }),
      await createService(acme.admin, { name: "Payment gateway adapter", teamId: payments.id, tier: 1 }),
      await createService(acme.admin, { name: "Checkout API", teamId: storefront.id, tier: 1 }),
      await createService(acme.admin, { name: "Basket", teamId: storefront.id, tier: 2 }),
    ];
    const incident = await seedIncident(acme.responder, {
      title: "Card payments failing",
      severity: "SEV1",
      summary: "Authorisations time out",
    });
    await setImpactedServices(acme.commander, incident.id, { serviceIds: services.map((s) => s.id) });
    await setIncidentRole(acme.commander, incident.id, { role: "commander", userId: acme.commander.userId });
    await setIncidentRole(acme.commander, incident.id, { role: "comms_lead", userId: acme.admin.userId });
    await setIncidentRole(acme.commander, incident.id, { role: "scribe", userId: acme.responder.userId });
    for (const person of [cy, ana, bo]) if (person) await setResponder(person, incident.id, { userId: person.userId }, true);
    await updateIncident(acme.commander, incident.id, { status: "identified" });
    await db().incident.update({
      where: { id: incident.id },
      data: { suggestedCommanderId: bo?.userId ?? null, tags: ["black-friday", "payments"] },
    });

    const orm = await getIncidentOrThrow(acme.viewer, incident.id);
    expect(orm.services).toHaveLength(4);
    expect(orm.responders).toHaveLength(3);
    expect(orm.commsLead?.id).toBe(acme.admin.userId);
    expect(await readIncidentHeader(acme.viewer, incident.id)).toStrictEqual(orm);
    // The suggestion only shows without a commander: the same in both.
    await db().incident.update({ where: { id: incident.id }, data: { commanderId: null } });
    const uncommanded = await getIncidentOrThrow(acme.viewer, incident.id);
    expect(uncommanded.suggestedCommander?.id).toBe(bo?.userId);
    expect(await readIncidentHeader(acme.viewer, incident.id)).toStrictEqual(uncommanded);
  });

  it("equals the ORM's read for an incident with no relations", async () => {
    const incident = await seedIncident(acme.commander);
    await db().incident.update({ where: { id: incident.id }, data: { commanderId: null, declaredById: null } });
    const orm = await getIncidentOrThrow(acme.viewer, incident.id);
    expect(orm).toMatchObject({ commander: null, declaredBy: null, responders: [], services: [], tags: [] });
    expect(await readIncidentHeader(acme.viewer, incident.id)).toStrictEqual(orm);
  });

  it("answers 404 for another organisation's incident and for a malformed id", async () => {
    const incident = await seedIncident(acme.commander);
    expect((await appErrorOf(readIncidentHeader(globex.admin, incident.id))).status).toBe(404);
    expect((await appErrorOf(readIncidentHeader(acme.admin, "not-a-uuid"))).status).toBe(404);
  });
});
