import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { db } from "../../lib/db/client.ts";
import { getIncidentOrThrow } from "../../lib/incident-record/get-incident.ts";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { listIncidents } from "../../lib/incidents/list-incidents.ts";
import { listEvents } from "../../lib/timeline/list-events.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { appErrorOf } from "../helpers/app-error.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let acme: SeededOrganization;
let globex: SeededOrganization;
let acmeIncident: IncidentDto;

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
  acmeIncident = await seedIncident(acme.commander, { title: "Acme payment outage" });
});
afterAll(() => testDb.close());

describe("another organisation's incident", () => {
  // A 404 rather than a 403: another tenant must not learn that the incident exists.
  it("is not found for reading, listing, or its timeline", async () => {
    expect((await appErrorOf(getIncidentOrThrow(globex.admin, acmeIncident.id))).status).toBe(404);
    expect((await appErrorOf(listEvents(globex.admin, acmeIncident.id, {}))).status).toBe(404);
    expect((await appErrorOf(listEvents(globex.admin, acmeIncident.id, { after: 0 }))).status).toBe(404);
    expect((await listIncidents(globex.admin)).map((i) => i.id)).not.toContain(acmeIncident.id);
  });

  it("cannot be posted to, and nothing is stored", async () => {
    const error = await appErrorOf(postEvent(globex.admin, acmeIncident.id, { kind: "note", body: "hello from Globex" }));
    expect(error).toMatchObject({ code: "not_found", status: 404 });
    expect(await db().timelineEvent.count({ where: { incidentId: acmeIncident.id } })).toBe(1);
  });

  it("is visible to every role of its own organisation", async () => {
    for (const actor of [acme.admin, acme.commander, acme.responder, acme.viewer]) {
      expect((await getIncidentOrThrow(actor, acmeIncident.id)).title).toBe("Acme payment outage");
    }
  });
});

describe("resolving the signed-in user", () => {
  it("reads the user's current role and organisation from the database", async () => {
    expect(await resolveActor(acme.viewer.userId)).toEqual(acme.viewer);
  });

  it("fails closed for no session or a user that no longer exists", async () => {
    expect((await appErrorOf(resolveActor(null))).code).toBe("unauthorized");
    expect((await appErrorOf(resolveActor(randomUUID()))).code).toBe("unauthorized");
  });
});
