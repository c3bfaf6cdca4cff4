import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client.ts";
import { updateImpactSettings } from "../../lib/impact/impact-settings.ts";
import { createPostmortem } from "../../lib/postmortems/create-postmortem.ts";
import { getIncidentPostmortem, getPostmortem, getPostmortemRevision } from "../../lib/postmortems/get-postmortem.ts";
import type { PostmortemSectionDto } from "../../lib/postmortems/postmortem-dto.ts";
import { publishPostmortem } from "../../lib/postmortems/publish-postmortem.ts";
import { seedNotificationChannel } from "../helpers/seed-outbound.ts";
import { saveSection } from "../../lib/postmortems/save-section.ts";
import { createPostmortemTemplate } from "../../lib/postmortems/create-postmortem-template.ts";
import { deletePostmortemTemplate } from "../../lib/postmortems/delete-postmortem-template.ts";
import { getPostmortemSettings } from "../../lib/postmortems/get-postmortem-settings.ts";
import { setPostmortemTemplateDefaults } from "../../lib/postmortems/set-postmortem-template-defaults.ts";
import { requestReview } from "../../lib/postmortems/request-review.ts";
import { reviewPostmortem } from "../../lib/postmortems/review-postmortem.ts";
import { appErrorOf, fieldsOf } from "../helpers/app-error.ts";
import { startRealtimeServer } from "../helpers/realtime-server.ts";
import { seedCatalog, seedIncident, seedOrganization, type SeededCatalog, type SeededOrganization } from "../helpers/seed.ts";
import { seedPostmortem } from "../helpers/seed-postmortem.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { connected, nextEvent } from "../helpers/socket-client.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
let other: SeededOrganization;
let catalog: SeededCatalog;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Postmortem Retail");
  other = await seedOrganization("Other Retail");
  catalog = await seedCatalog(org.admin);
  await updateImpactSettings(org.admin, {
    currency: "USD",
    timeZone: "UTC",
    hourlyProfile: [],
    baselines: { checkout: { revenuePerMinute: 1000, ordersPerMinute: 10, customersPerMinute: 50, conversionWeight: 1 } },
    peakWindows: [],
  });
});
afterAll(() => testDb.close());

const section = (sections: PostmortemSectionDto[], key: string) => {
  const found = sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
};
const audits = (entityId: string, action: string) => db().auditLog.count({ where: { entityId, action } });

describe("drafting from the room", () => {
  it("drafts once per resolved incident, pre-filled from its record, with an audit row", async () => {
    const pm = await seedPostmortem(org.commander, {
      pinned: "Rolled back payments-api to v41",
      serviceIds: [catalog.gateway.id],
      notify: { target: "Payments on-call", teamId: catalog.team.id, acknowledged: true },
    });
    expect(pm.status).toBe("draft");
    expect(pm.templateKey).toBe("builtin:full");
    expect(pm.sections.map((s) => s.key)).toEqual([
      "summary",
      "impact",
      "timeline",
      "contributing_factors",
      "detection",
      "response",
      "action_items",
      "lessons",
      "appendix",
    ]);
    expect(section(pm.sections, "timeline").body).toContain("Rolled back payments-api to v41");
    expect(section(pm.sections, "impact").body).toMatch(/Revenue lost or at risk \| \$[\d,]+ \|/);
    expect(section(pm.sections, "impact").body).toContain("120 failed checkouts");
    expect(section(pm.sections, "response").body).toContain(`| ${catalog.team.name} |`);
    expect(section(pm.sections, "appendix").body).toContain("Error rate back under 1%");
    expect(pm.facts?.pinned.map((p) => p.body)).toEqual(["Rolled back payments-api to v41"]);
    expect(pm.facts?.teams.map((t) => t.name)).toEqual([catalog.team.name]);
    expect(pm.facts?.durations.mttrMs).toEqual(expect.any(Number));
    expect(await audits(pm.id, "postmortem.create")).toBe(1);

    const again = await createPostmortem(org.responder, pm.incident.id, {});
    expect(again.created).toBe(false);
    expect(again.postmortem.id).toBe(pm.id);
    expect((await getIncidentPostmortem(org.viewer, pm.incident.id)).id).toBe(pm.id);
  });

  it("refuses an open incident, a viewer, and another organisation", async () => {
    const open = await seedIncident(org.commander);
    expect((await appErrorOf(createPostmortem(org.commander, open.id, {}))).status).toBe(409);
    const pm = await seedPostmortem(org.commander, { severity: "SEV4" });
    expect(pm.templateKey).toBe("builtin:short");
    expect((await appErrorOf(createPostmortem(org.viewer, pm.incident.id, {}))).status).toBe(403);
    expect((await appErrorOf(getPostmortem(other.admin, pm.id))).status).toBe(404);
    expect((await appErrorOf(saveSection(other.admin, pm.id, "summary", { body: "x", baseVersion: 1 }))).status).toBe(404);
    expect((await appErrorOf(getPostmortem(org.admin, "not-an-id"))).status).toBe(404);
    expect(await db().auditLog.count({ where: { entityId: pm.id, actorId: other.admin.userId } })).toBe(0);
  });
});

describe("writing together", () => {
  it("saves against a version and turns a stale save into a 409 carrying the current text", async () => {
    const pm = await seedPostmortem(org.commander);
    const start = section(pm.sections, "contributing_factors");
    const first = await saveSection(org.responder, pm.id, "contributing_factors", {
      body: "Retry storm from the OMS client.",
      baseVersion: start.version,
    });
    expect(first.section.version).toBe(start.version + 1);
    expect(first.section.updatedBy?.id).toBe(org.responder.userId);

    const stale = await appErrorOf(
      saveSection(org.commander, pm.id, "contributing_factors", { body: "Gateway timeouts.", baseVersion: start.version }),
    );
    expect(stale.status).toBe(409);
    const current = (stale.details as { current: PostmortemSectionDto }).current;
    expect(current).toMatchObject({
      body: "Retry storm from the OMS client.",
      version: first.section.version,
      updatedBy: { id: org.responder.userId },
    });

    // The merge is saved against the new version.
    const merged = await saveSection(org.commander, pm.id, "contributing_factors", {
      body: "Retry storm from the OMS client.\n\nGateway timeouts.",
      baseVersion: current.version,
    });
    expect(merged.section.body).toContain("Gateway timeouts.");
    expect(await audits(pm.id, "postmortem.section.update")).toBe(2);
  });

  it("warns about blaming language but saves it", async () => {
    const pm = await seedPostmortem(org.commander);
    const { section: saved, warnings } = await saveSection(org.responder, pm.id, "lessons", {
      body: "It was human error.",
      baseVersion: 1,
    });
    expect(saved.body).toBe("It was human error.");
    expect(warnings.map((w) => w.phrase)).toEqual(["human error"]);
  });

  it("pushes a saved section to everyone who has the post-mortem open, and who edits what", async () => {
    const pm = await seedPostmortem(org.commander);
    const realtime = await startRealtimeServer();
    const viewer = realtime.client(await sessionCookie(org.viewer.userId));
    const writer = realtime.client(await sessionCookie(org.responder.userId));
    const stranger = realtime.client(await sessionCookie(other.admin.userId));
    try {
      await Promise.all([connected(viewer), connected(writer), connected(stranger)]);
      const joined = await viewer.emitWithAck("postmortem:join", { postmortemId: pm.id });
      expect(joined.ok && joined.postmortem.id).toBe(pm.id);
      await writer.emitWithAck("postmortem:join", { postmortemId: pm.id });
      const refused = await stranger.emitWithAck("postmortem:join", { postmortemId: pm.id });
      expect(refused).toMatchObject({ ok: false, error: { code: "not_found" } });

      const editing = nextEvent(viewer, "postmortem:presence", (p) =>
        p.users.some((u) => u.id === org.responder.userId && u.sectionKey === "lessons"),
      );
      writer.emit("postmortem:editing", { postmortemId: pm.id, sectionKey: "lessons" });
      await editing;

      const pushed = nextEvent(viewer, "postmortem:section", (p) => p.section.key === "lessons");
      await saveSection(org.responder, pm.id, "lessons", { body: "Feature flags saved us.", baseVersion: 1 });
      expect((await pushed).section.body).toBe("Feature flags saved us.");
    } finally {
      await realtime.close();
    }
  });
});

describe("review and publishing", () => {
  it("goes draft → in review → published, freezes a revision and starts the next on edit", async () => {
    const pm = await seedPostmortem(org.responder);
    expect((await appErrorOf(publishPostmortem(org.admin, pm.id))).status).toBe(409);

    const inReview = await requestReview(org.responder, pm.id, { reviewerIds: [org.commander.userId] });
    expect(inReview.status).toBe("in_review");
    expect(inReview.reviews).toMatchObject([{ reviewer: { id: org.commander.userId }, state: "requested" }]);
    expect((await appErrorOf(publishPostmortem(org.admin, pm.id))).message).toMatch(/approval/);

    const changes = await reviewPostmortem(org.commander, pm.id, { state: "changes_requested", comment: "Add the detection gap" });
    expect(changes.status).toBe("draft");
    await requestReview(org.responder, pm.id, { reviewerIds: [org.commander.userId] });
    await reviewPostmortem(org.commander, pm.id, { state: "approved" });

    // A responder who did not command the incident cannot publish; the viewer cannot review.
    expect((await appErrorOf(publishPostmortem(org.viewer, pm.id))).status).toBe(403);
    expect((await appErrorOf(reviewPostmortem(org.viewer, pm.id, { state: "approved" }))).status).toBe(403);

    const published = await publishPostmortem(org.commander, pm.id);
    expect(published).toMatchObject({ status: "published", publishedRevision: 1 });
    expect(published.published?.sections.map((s) => s.key)).toEqual(pm.sections.map((s) => s.key));
    expect(await audits(pm.id, "postmortem.publish")).toBe(1);

    // A later edit starts revision 2; revision 1 stays as published.
    const summary = section(published.sections, "summary");
    await saveSection(org.responder, pm.id, "summary", { body: "Rewritten summary.", baseVersion: summary.version });
    const reopened = await getPostmortem(org.viewer, pm.id);
    expect(reopened.status).toBe("draft");
    expect(reopened.published?.number).toBe(1);
    expect(reopened.published?.sections.find((s) => s.key === "summary")?.body).toBe(summary.body);

    await requestReview(org.responder, pm.id, { reviewerIds: [org.admin.userId] });
    await reviewPostmortem(org.admin, pm.id, { state: "approved" });
    const second = await publishPostmortem(org.admin, pm.id);
    expect(second.publishedRevision).toBe(2);
    expect(second.revisions.map((r) => r.number)).toEqual([2, 1]);
    expect((await getPostmortemRevision(org.viewer, pm.id, "1")).sections.find((s) => s.key === "summary")?.body).toBe(summary.body);
    expect((await getPostmortemRevision(org.viewer, pm.id, "2")).sections.find((s) => s.key === "summary")?.body).toBe(
      "Rewritten summary.",
    );
    expect((await appErrorOf(getPostmortemRevision(other.admin, pm.id, "1"))).status).toBe(404);
  });

  it("queues a 'post-mortem published' message, linking to it, for channels that asked for it", async () => {
    const wants = await seedNotificationChannel(org.admin, { events: ["postmortem.published"] });
    const ignores = await seedNotificationChannel(org.admin, { events: ["incident.declared"] });
    const pm = await seedPostmortem(org.responder);
    await requestReview(org.responder, pm.id, { reviewerIds: [org.commander.userId] });
    await reviewPostmortem(org.commander, pm.id, { state: "approved" });
    expect(await db().outboundDelivery.count({ where: { event: "postmortem.published", channelId: { in: [wants.id, ignores.id] } } })).toBe(
      0,
    );
    await publishPostmortem(org.commander, pm.id);
    const queued = await db().outboundDelivery.findMany({
      where: { event: "postmortem.published", channelId: { in: [wants.id, ignores.id] } },
    });
    expect(queued.map((d) => d.channelId)).toEqual([wants.id]);
    expect(JSON.stringify(queued[0]?.payload)).toContain(`/postmortems/${pm.id}`);
  });

  it("lets the incident's own commander publish whatever their role", async () => {
    const pm = await seedPostmortem(org.responder);
    await requestReview(org.responder, pm.id, { reviewerIds: [org.commander.userId] });
    await reviewPostmortem(org.commander, pm.id, { state: "approved" });
    expect((await publishPostmortem(org.responder, pm.id)).status).toBe("published");
  });

  it("refuses reviewers who are viewers or from another organisation", async () => {
    const pm = await seedPostmortem(org.commander);
    expect(fieldsOf(await appErrorOf(requestReview(org.commander, pm.id, { reviewerIds: [org.viewer.userId] })))).toEqual(["reviewerIds"]);
    expect(fieldsOf(await appErrorOf(requestReview(org.commander, pm.id, { reviewerIds: [other.admin.userId] })))).toEqual(["reviewerIds"]);
  });
});

describe("templates", () => {
  it("lets an admin add a template, make it a severity's default, and falls back when it goes", async () => {
    expect((await appErrorOf(createPostmortemTemplate(org.commander, { name: "Mine", sections: [{ key: "a", title: "A" }] }))).status).toBe(
      403,
    );
    const template = await createPostmortemTemplate(org.admin, {
      name: "Payments review",
      sections: [
        { key: "summary", title: "Summary", guidance: "Short." },
        { key: "psp_contact", title: "PSP contact log" },
      ],
    });
    expect(
      fieldsOf(await appErrorOf(createPostmortemTemplate(org.admin, { name: "Payments review", sections: [{ key: "a", title: "A" }] }))),
    ).toEqual(["name"]);
    await setPostmortemTemplateDefaults(org.admin, { defaults: { SEV3: template.key } });
    expect(fieldsOf(await appErrorOf(setPostmortemTemplateDefaults(org.admin, { defaults: { SEV1: "builtin:nope" } })))).toEqual([
      "defaults.SEV1",
    ]);

    const pm = await seedPostmortem(org.commander, { severity: "SEV3" });
    expect(pm.templateKey).toBe(template.key);
    expect(pm.sections.map((s) => s.key)).toEqual(["summary", "psp_contact"]);
    expect(section(pm.sections, "summary").body).toContain(pm.incident.ref);

    await deletePostmortemTemplate(org.admin, template.key);
    expect((await getPostmortemSettings(org.viewer)).defaults.SEV3).toBe("builtin:short");
    // Drafted post-mortems keep their sections.
    expect((await getPostmortem(org.admin, pm.id)).sections).toHaveLength(2);
    expect((await appErrorOf(deletePostmortemTemplate(other.admin, template.key))).status).toBe(404);
  });
});
