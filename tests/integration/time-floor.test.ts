// Issue #16, finding 1: a start in 1900 (or year 0000) made every loss sum walk a century and
// froze the process. Instants people send are refused before 2000-01-01, naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client.ts";
import { setIncidentImpact } from "../../lib/incidents/set-incident-impact.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { expectAppError } from "../helpers/app-error.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Acme");
});
afterAll(() => testDb.close());

describe("the time floor on instants people send", () => {
  for (const value of ["1999-12-31T23:59:59Z", "1900-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z"]) {
    it(`refuses ${value} as an incident's startedAt, the impact's since and an entry's occurredAt, writing nothing`, async () => {
      const incident = await seedIncident(org.responder, { title: "Checkout API 5xx" });
      const audit = await db().auditLog.count();
      await expectAppError(updateIncident(org.responder, incident.id, { startedAt: value }), "validation_failed", "startedAt");
      await expectAppError(
        setIncidentImpact(org.responder, incident.id, { journeys: { checkout: { degradation: 40, since: value } } }),
        "validation_failed",
        "journeys.checkout.since",
      );
      await expectAppError(
        postEvent(org.responder, incident.id, { kind: "note", body: "Rolled back", occurredAt: value }),
        "validation_failed",
        "occurredAt",
      );
      expect(await db().auditLog.count()).toBe(audit);
      expect((await db().incident.findUniqueOrThrow({ where: { id: incident.id } })).startedAt.toISOString()).toBe(incident.startedAt);
    });
  }

  it("accepts 2000-01-01 itself, and the loss since then is computed", async () => {
    const incident = await seedIncident(org.responder, { title: "Inventory sync lagging" });
    const updated = await updateIncident(org.responder, incident.id, { startedAt: "2000-01-01T00:00:00Z" });
    expect(updated.startedAt).toBe("2000-01-01T00:00:00.000Z");
    const impact = await setIncidentImpact(org.responder, incident.id, {
      journeys: { checkout: { degradation: 10, since: "2000-01-01T00:00:00Z" } },
    });
    expect(Number.isFinite(impact.lossSoFar.revenue)).toBe(true);
  });
});
