import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZActionItem } from "../../lib/action-items/action-item-dto.ts";
import { createActionItem } from "../../lib/action-items/create-action-item.ts";
import { listActionItems, listPostmortemActionItems } from "../../lib/action-items/list-action-items.ts";
import { updateActionItem } from "../../lib/action-items/update-action-item.ts";
import { getIncidentImpact } from "../../lib/impact/get-incident-impact.ts";
import { ZImpactSummary } from "../../lib/impact/impact-dto.ts";
import { setIncidentImpact } from "../../lib/incidents/set-incident-impact.ts";
import { getPostmortem, getPostmortemRevision } from "../../lib/postmortems/get-postmortem.ts";
import { ZPostmortem, ZPostmortemRevision, ZPostmortemSection } from "../../lib/postmortems/postmortem-dto.ts";
import { publishPostmortem } from "../../lib/postmortems/publish-postmortem.ts";
import { saveSection } from "../../lib/postmortems/save-section.ts";
import { requestReview } from "../../lib/postmortems/request-review.ts";
import { reviewPostmortem } from "../../lib/postmortems/review-postmortem.ts";
import { listStakeholderUpdates } from "../../lib/stakeholder/list-stakeholder-updates.ts";
import { postStakeholderUpdate } from "../../lib/stakeholder/post-stakeholder-update.ts";
import { ZStakeholderUpdate } from "../../lib/stakeholder/stakeholder-dto.ts";
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
import { seedPostmortem } from "../helpers/seed-postmortem.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

// The zod response schemas are the source of the DTO types and of the OpenAPI document's
// shared schemas: real answers must match them exactly (no field missing, none
// extra, formats as documented), or the document would promise clients something untrue.

/**
 * Issues of `value` against `schema`, unknown keys at any depth included: `.strict()` reaches only
 * the top object, but parsing strips unknown nested keys, so the parsed copy differs from the answer.
 */
function exactIssues(schema: z.ZodObject, value: unknown): unknown[] {
  const parsed = schema.strict().safeParse(value);
  if (!parsed.success) return parsed.error.issues;
  return unknownKeys(value, parsed.data).map((path) => ({ message: "unknown key", path }));
}

/** Paths in `value` that `kept` (its parsed copy) no longer has. */
function unknownKeys(value: unknown, kept: unknown, at = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownKeys(v, Array.isArray(kept) ? kept[i] : undefined, `${at}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const keptObject = (kept ?? {}) as Record<string, unknown>;
  return Object.entries(value).flatMap(([key, v]) =>
    key in keptObject ? unknownKeys(v, keptObject[key], `${at}.${key}`) : [`${at}.${key}`],
  );
}

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
    expect(exactIssues(ZIncident, incident)).toEqual([]);
    const withServices = await setImpactedServices(org.admin, incident.id, { serviceIds: [catalog.gateway.id] });
    expect(withServices.services.length).toBe(1);
    expect(exactIssues(ZIncident, withServices)).toEqual([]);

    const { event } = await postEvent(org.responder, incident.id, { kind: "action", body: "Rolled back", data: { outcome: "worked" } });
    await strikeEvent(org.admin, incident.id, event.seq, { reason: "wrong room" });
    const { events } = await listEvents(org.viewer, incident.id, {});
    expect(events.some((e) => e.struck !== null)).toBe(true);
    for (const e of events) expect(exactIssues(ZTimelineEvent, e), `#${e.seq} ${e.kind}`).toEqual([]);
  });

  it("teams and services, with members, dependencies and an open incident", async () => {
    const org = await seedOrganization("Acme Catalog Schemas");
    const catalog = await seedCatalog(org.admin);
    const incident = await seedIncident(org.admin, { title: "Gateway slow" });
    await setImpactedServices(org.admin, incident.id, { serviceIds: [catalog.gateway.id] });
    const teams = await listTeams(org.viewer);
    expect(teams.length).toBeGreaterThan(0);
    for (const team of teams) expect(exactIssues(ZTeam, team), team.name).toEqual([]);
    expect(exactIssues(ZTeamDetail, await getTeam(org.viewer, catalog.team.id))).toEqual([]);
    for (const id of [catalog.gateway.id, catalog.checkout.id]) {
      const service = await getService(org.viewer, id);
      expect(exactIssues(ZServiceDetail, service), service.name).toEqual([]);
    }
    expect((await getService(org.viewer, catalog.gateway.id)).openIncidents).toHaveLength(1);
  });

  it("an incident's impact: unharmed, degraded, recovered", async () => {
    const org = await seedOrganization("Acme Impact Schemas");
    const incident = await seedIncident(org.admin, { title: "Payments failing" });
    expect(exactIssues(ZImpactSummary, await getIncidentImpact(org.viewer, incident.id))).toEqual([]);
    const changed = await setIncidentImpact(org.admin, incident.id, {
      journeys: { checkout: { degradation: 60, failedCheckouts: 40, errorRate: 12.5 } },
    });
    expect(changed.journeys.length).toBeGreaterThan(0);
    expect(changed.series.length).toBeGreaterThan(0);
    expect(exactIssues(ZImpactSummary, changed)).toEqual([]);
    const recovered = await setIncidentImpact(org.admin, incident.id, { journeys: { checkout: { degradation: 0 } } });
    expect(recovered.journeys.some((j) => j.ended !== null)).toBe(true);
    expect(exactIssues(ZImpactSummary, recovered)).toEqual([]);
  });

  it("a post-mortem drafted, in review, published, with its section, revision and action items", async () => {
    const org = await seedOrganization("Acme Postmortem Schemas");
    const catalog = await seedCatalog(org.admin);
    const drafted = await seedPostmortem(org.commander, {
      serviceIds: [catalog.gateway.id],
      notify: { target: "Payments", teamId: catalog.team.id, acknowledged: true },
    });
    expect(drafted.facts?.notifications.length).toBe(1);
    expect(exactIssues(ZPostmortem, drafted)).toEqual([]);
    const summary = drafted.sections.find((s) => s.key === "summary");
    const { section } = await saveSection(org.responder, drafted.id, "summary", {
      body: "Payments failed for 40 minutes.",
      baseVersion: summary?.version ?? 1,
    });
    expect(exactIssues(ZPostmortemSection, section)).toEqual([]);
    await requestReview(org.responder, drafted.id, { reviewerIds: [org.commander.userId] });
    const reviewed = await reviewPostmortem(org.commander, drafted.id, { state: "approved", comment: "Clear" });
    expect(exactIssues(ZPostmortem, reviewed)).toEqual([]);
    const published = await publishPostmortem(org.commander, drafted.id);
    expect(published.published).not.toBeNull();
    expect(exactIssues(ZPostmortem, published)).toEqual([]);
    expect(exactIssues(ZPostmortem, await getPostmortem(org.viewer, drafted.id))).toEqual([]);
    expect(exactIssues(ZPostmortemRevision, await getPostmortemRevision(org.viewer, drafted.id, "1"))).toEqual([]);

    const item = await createActionItem(org.responder, drafted.id, {
      title: "Retry with jitter",
      ownerTeamId: catalog.team.id,
      dueDate: "2026-01-10",
      ticketUrl: "https://tickets.example.com/PAY-1",
    });
    expect(exactIssues(ZActionItem, item)).toEqual([]);
    const done = await updateActionItem(org.responder, item.id, { status: "done", ownerUserId: org.responder.userId });
    expect(done.completedAt).not.toBeNull();
    expect(exactIssues(ZActionItem, done)).toEqual([]);
    const lists = [await listPostmortemActionItems(org.viewer, drafted.id), await listActionItems(org.viewer, {})];
    for (const list of lists) for (const listed of list.items) expect(exactIssues(ZActionItem, listed)).toEqual([]);
  });

  it("stakeholder updates, posted and listed", async () => {
    const org = await seedOrganization("Acme Stakeholder Schemas");
    const incident = await seedIncident(org.admin, { title: "Checkout slow" });
    const { update } = await postStakeholderUpdate(org.commander, incident.id, {
      affected: "Card payments fail for some customers",
      doing: "Rolling back the gateway",
      nextUpdateBy: new Date(Date.now() + 30 * 60_000).toISOString(),
      isPublic: true,
      journeyStatus: { checkout: "partial_outage" },
    });
    expect(exactIssues(ZStakeholderUpdate, update)).toEqual([]);
    await postStakeholderUpdate(org.commander, incident.id, {
      affected: "Nothing any more",
      doing: "Watching",
      nextUpdateBy: null,
      isPublic: false,
      journeyStatus: {},
    });
    const updates = await listStakeholderUpdates(org.viewer, incident.id);
    expect(updates).toHaveLength(2);
    for (const u of updates) expect(exactIssues(ZStakeholderUpdate, u)).toEqual([]);
  });

  it("can fail: a missing, extra or nested extra field is refused", () => {
    expect(ZIncident.strict().safeParse({}).success).toBe(false);
    expect(ZTimelineEvent.strict().safeParse({ extra: true }).success).toBe(false);
    const owner = { kind: "team", id: "00000000-0000-4000-8000-000000000000", name: "Payments" };
    expect(exactIssues(ZActionItem.pick({ owner: true }), { owner })).toEqual([]);
    expect(exactIssues(ZActionItem.pick({ owner: true }), { owner: { ...owner, email: "x@example.com" } })).not.toEqual([]);
  });
});
