import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZServiceDetail, ZTeam, ZTeamDetail } from "../../lib/catalog/catalog-dto.ts";
import { getService } from "../../lib/catalog/get-service.ts";
import { getTeam } from "../../lib/catalog/get-team.ts";
import { listTeams } from "../../lib/catalog/list-teams.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import { ZIncident } from "../../lib/incident-record/incident-dto.ts";
import { ZTimelineEvent } from "../../lib/timeline/event-dto.ts";
import { listEvents } from "../../lib/timeline/list-events.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { strikeEvent } from "../../lib/timeline/strike-event.ts";
import { seedCatalog, seedIncident, seedOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

// The zod response schemas are the source of the DTO types and of the OpenAPI document's
// `Incident` and `TimelineEvent`: real answers must match them exactly (no field missing, none
// extra, formats as documented), or the document would promise clients something untrue.

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.close());

describe("answers match their zod response schemas", () => {
  it("an incident, fresh and with services, and its timeline entries, struck ones too", async () => {
    const org = await seedOrganization("Acme Schemas");
    const catalog = await seedCatalog(org.admin);
    const incident = await seedIncident(org.admin, { title: "Checkout down" });
    expect(ZIncident.strict().safeParse(incident).error?.issues ?? []).toEqual([]);
    const withServices = await setImpactedServices(org.admin, incident.id, { serviceIds: [catalog.gateway.id] });
    expect(withServices.services.length).toBe(1);
    expect(ZIncident.strict().safeParse(withServices).error?.issues ?? []).toEqual([]);

    const { event } = await postEvent(org.responder, incident.id, { kind: "action", body: "Rolled back", data: { outcome: "worked" } });
    await strikeEvent(org.admin, incident.id, event.seq, { reason: "wrong room" });
    const { events } = await listEvents(org.viewer, incident.id, {});
    expect(events.some((e) => e.struck !== null)).toBe(true);
    for (const e of events) expect(ZTimelineEvent.strict().safeParse(e).error?.issues ?? [], `#${e.seq} ${e.kind}`).toEqual([]);
  });

  it("teams and services, with members, dependencies and an open incident", async () => {
    const org = await seedOrganization("Acme Catalog Schemas");
    const catalog = await seedCatalog(org.admin);
    const incident = await seedIncident(org.admin, { title: "Gateway slow" });
    await setImpactedServices(org.admin, incident.id, { serviceIds: [catalog.gateway.id] });
    const teams = await listTeams(org.viewer);
    expect(teams.length).toBeGreaterThan(0);
    for (const team of teams) expect(ZTeam.strict().safeParse(team).error?.issues ?? [], team.name).toEqual([]);
    expect(ZTeamDetail.strict().safeParse(await getTeam(org.viewer, catalog.team.id)).error?.issues ?? []).toEqual([]);
    for (const id of [catalog.gateway.id, catalog.checkout.id]) {
      const service = await getService(org.viewer, id);
      expect(ZServiceDetail.strict().safeParse(service).error?.issues ?? [], service.name).toEqual([]);
    }
    expect((await getService(org.viewer, catalog.gateway.id)).openIncidents).toHaveLength(1);
  });

  it("can fail: a missing or extra field is refused", () => {
    expect(ZIncident.strict().safeParse({}).success).toBe(false);
    expect(ZTimelineEvent.strict().safeParse({ extra: true }).success).toBe(false);
  });
});
