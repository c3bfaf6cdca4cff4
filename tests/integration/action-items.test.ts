import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionItem } from "../../lib/action-items/create-action-item.ts";
import { deleteActionItem } from "../../lib/action-items/delete-action-item.ts";
import { listActionItems, listPostmortemActionItems } from "../../lib/action-items/list-action-items.ts";
import { updateActionItem } from "../../lib/action-items/update-action-item.ts";
import { db } from "../../lib/db/client.ts";
import { appErrorOf, fieldsOf } from "../helpers/app-error.ts";
import { seedCatalog, seedIncident, seedOrganization, type SeededCatalog, type SeededOrganization } from "../helpers/seed.ts";
import { seedPostmortemRow } from "../helpers/seed-postmortem-rows.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let acme: SeededOrganization;
let globex: SeededOrganization;
let catalog: SeededCatalog;
let theirCatalog: SeededCatalog;
let postmortemId: string;
let theirPostmortemId: string;

// Fixed "now" so due dates and overdue do not depend on the day the test runs.
const NOW = new Date("2026-12-02T12:00:00Z");

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
  catalog = await seedCatalog(acme.admin);
  theirCatalog = await seedCatalog(globex.admin);
  postmortemId = (await seedPostmortemRow(acme.admin, (await seedIncident(acme.admin)).id)).id;
  theirPostmortemId = (await seedPostmortemRow(globex.admin, (await seedIncident(globex.admin)).id)).id;
});
afterAll(() => testDb.close());

const audits = (entityId: string) =>
  db().auditLog.findMany({ where: { entityId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true, actorId: true } });

describe("creating action items", () => {
  it("stores an item with a team owner, a due date and a ticket link, and audits it", async () => {
    const item = await createActionItem(
      acme.responder,
      postmortemId,
      {
        title: "  Back-off with jitter for payment retries ",
        ownerTeamId: catalog.team.id,
        dueDate: "2026-12-10",
        priority: "high",
        ticketUrl: "https://tickets.example.com/PAY-1",
      },
      NOW,
    );
    expect(item).toMatchObject({
      title: "Back-off with jitter for payment retries",
      owner: { kind: "team", id: catalog.team.id, name: catalog.team.name },
      dueDate: "2026-12-10",
      priority: "high",
      status: "open",
      ticketUrl: "https://tickets.example.com/PAY-1",
      completedAt: null,
      isOverdue: false,
      postmortem: { id: postmortemId },
    });
    expect(item.postmortem.incident.ref).toMatch(/^INC-\d+$/);
    expect(await audits(item.id)).toEqual([{ action: "action_item.create", actorId: acme.responder.userId }]);
  });

  it("refuses bad input with a 422 naming the field, and writes nothing", async () => {
    const before = await db().actionItem.count();
    const cases: [unknown, string][] = [
      [{}, "title"],
      [{ title: "   " }, "title"],
      [{ title: "Fix it", ticketUrl: "javascript:alert(1)" }, "ticketUrl"],
      [{ title: "Fix it", ticketUrl: "ftp://tickets.example.com/1" }, "ticketUrl"],
      [{ title: "Fix it", dueDate: "next Friday" }, "dueDate"],
      [{ title: "Fix it", priority: "urgent" }, "priority"],
      [{ title: "Fix it", ownerUserId: acme.responder.userId, ownerTeamId: catalog.team.id }, "ownerTeamId"],
      // Another organisation's person or team is an unknown owner here.
      [{ title: "Fix it", ownerUserId: globex.responder.userId }, "ownerUserId"],
      [{ title: "Fix it", ownerTeamId: theirCatalog.team.id }, "ownerTeamId"],
    ];
    for (const [input, field] of cases) {
      const error = await appErrorOf(createActionItem(acme.admin, postmortemId, input, NOW));
      expect([error.status, fieldsOf(error)], JSON.stringify(input)).toEqual([422, [field]]);
    }
    expect(await db().actionItem.count()).toBe(before);
  });

  it("answers 404 for another organisation's post-mortem and 403 for a viewer", async () => {
    expect((await appErrorOf(createActionItem(acme.admin, theirPostmortemId, { title: "Borrowed" }, NOW))).status).toBe(404);
    expect((await appErrorOf(createActionItem(acme.admin, "not-an-id", { title: "Borrowed" }, NOW))).status).toBe(404);
    expect((await appErrorOf(createActionItem(acme.viewer, postmortemId, { title: "Read only" }, NOW))).status).toBe(403);
  });
});

describe("changing action items", () => {
  it("stamps completedAt when done and clears it when reopened; setting a person as owner drops the team", async () => {
    const item = await createActionItem(
      acme.commander,
      postmortemId,
      { title: "Alert at 80% pool use", ownerTeamId: catalog.team.id, dueDate: "2026-11-28" },
      NOW,
    );
    expect(item.isOverdue).toBe(true);

    const done = await updateActionItem(acme.responder, item.id, { status: "done" }, NOW);
    expect(done).toMatchObject({ status: "done", completedAt: NOW.toISOString(), isOverdue: false });

    const reopened = await updateActionItem(acme.responder, item.id, { status: "in_progress", ownerUserId: acme.responder.userId }, NOW);
    expect(reopened).toMatchObject({
      status: "in_progress",
      completedAt: null,
      isOverdue: true,
      owner: { kind: "user", id: acme.responder.userId },
    });

    const cleared = await updateActionItem(acme.responder, item.id, { dueDate: null, ticketUrl: "" }, NOW);
    expect(cleared).toMatchObject({ dueDate: null, ticketUrl: null, isOverdue: false });

    expect((await audits(item.id)).map((a) => a.action).sort()).toEqual([
      "action_item.create",
      "action_item.update",
      "action_item.update",
      "action_item.update",
    ]);
    const updates = await db().auditLog.findMany({ where: { entityId: item.id, action: "action_item.update" } });
    // Each change keeps what was before and what came after.
    expect(
      updates.some(
        (u) => (u.before as { dueDate?: unknown }).dueDate === "2026-11-28" && (u.after as { dueDate?: unknown }).dueDate === null,
      ),
    ).toBe(true);
  });

  it("refuses another organisation's item (404), a viewer (403) and a foreign owner (422)", async () => {
    const theirs = await createActionItem(globex.admin, theirPostmortemId, { title: "Their item" }, NOW);
    const ours = await createActionItem(acme.admin, postmortemId, { title: "Our item" }, NOW);
    expect((await appErrorOf(updateActionItem(acme.admin, theirs.id, { status: "done" }, NOW))).status).toBe(404);
    expect((await appErrorOf(deleteActionItem(acme.admin, theirs.id, NOW))).status).toBe(404);
    expect((await appErrorOf(updateActionItem(acme.viewer, ours.id, { status: "done" }, NOW))).status).toBe(403);
    const foreign = await appErrorOf(updateActionItem(acme.admin, ours.id, { ownerTeamId: theirCatalog.team.id }, NOW));
    expect([foreign.status, fieldsOf(foreign)]).toEqual([422, ["ownerTeamId"]]);
    expect(await db().actionItem.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ status: "open" });
  });

  it("deletes an item and keeps the record in the audit log", async () => {
    const item = await createActionItem(acme.admin, postmortemId, { title: "Added by mistake" }, NOW);
    expect(await deleteActionItem(acme.responder, item.id, NOW)).toEqual({ id: item.id, deleted: true });
    expect(await db().actionItem.findUnique({ where: { id: item.id } })).toBeNull();
    const deletion = await db().auditLog.findFirstOrThrow({ where: { entityId: item.id, action: "action_item.delete" } });
    expect(deletion.before).toMatchObject({ title: "Added by mistake" });
  });
});

describe("listing follow-ups", () => {
  it("lists open work across post-mortems overdue first, then by due date, then undated; filters by owner", async () => {
    const secondPm = (await seedPostmortemRow(acme.admin, (await seedIncident(acme.admin, { title: "Search index stale" })).id)).id;
    await db().actionItem.deleteMany({ where: { organizationId: acme.id } });
    const add = (pm: string, title: string, extra: Record<string, unknown>) => createActionItem(acme.admin, pm, { title, ...extra }, NOW);
    await add(postmortemId, "Undated", {});
    await add(secondPm, "Due next week", { dueDate: "2026-12-09", ownerTeamId: catalog.team.id });
    await add(postmortemId, "Overdue 2 days", { dueDate: "2026-11-30", ownerUserId: acme.responder.userId });
    await add(secondPm, "Overdue 12 days", { dueDate: "2026-11-20", status: "in_progress" });
    await add(postmortemId, "Already done", { dueDate: "2026-11-01", status: "done" });
    await add(postmortemId, "Dropped", { status: "wont_do" });
    await createActionItem(globex.admin, theirPostmortemId, { title: "Another organisation's" }, NOW);

    const open = await listActionItems(acme.viewer, {}, NOW);
    expect(open.today).toBe("2026-12-02");
    expect(open.items.map((i) => [i.title, i.isOverdue])).toEqual([
      ["Overdue 12 days", true],
      ["Overdue 2 days", true],
      ["Due next week", false],
      ["Undated", false],
    ]);
    expect((await listActionItems(acme.viewer, { ownerTeamId: catalog.team.id }, NOW)).items.map((i) => i.title)).toEqual([
      "Due next week",
    ]);
    expect((await listActionItems(acme.viewer, { ownerUserId: acme.responder.userId }, NOW)).items.map((i) => i.title)).toEqual([
      "Overdue 2 days",
    ]);
    expect((await listActionItems(acme.viewer, { status: "done,wont_do" }, NOW)).items.map((i) => i.title).sort()).toEqual([
      "Already done",
      "Dropped",
    ]);
    const bad = await appErrorOf(listActionItems(acme.viewer, { status: "finished" }, NOW));
    expect([bad.status, fieldsOf(bad)]).toEqual([422, ["status.0"]]);

    const one = await listPostmortemActionItems(acme.viewer, postmortemId, NOW);
    expect(one.items.map((i) => i.title)).toEqual(["Undated", "Overdue 2 days", "Already done", "Dropped"]);
    expect((await appErrorOf(listPostmortemActionItems(acme.viewer, theirPostmortemId, NOW))).status).toBe(404);
  });
});
