import { afterAll, beforeAll, expect, it } from "vitest";
import { createActionItem } from "../../lib/action-items/create-action-item.ts";
import { deleteActionItem } from "../../lib/action-items/delete-action-item.ts";
import { updateActionItem } from "../../lib/action-items/update-action-item.ts";
import { appErrorOf } from "../helpers/app-error.ts";
import { withRealtimeServer, type RealtimeTestBed } from "../helpers/realtime-server.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { seedPostmortemRow } from "../helpers/seed-postmortem-rows.ts";
import { collect, nextEvent } from "../helpers/socket-client.ts";

let realtime: RealtimeTestBed;
let acme: SeededOrganization;
let globex: SeededOrganization;

beforeAll(async () => {
  realtime = await withRealtimeServer();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
});

afterAll(() => realtime.close());

it("pushes action-item:changed to the organisation, and only it, after each committed change", async () => {
  const postmortemId = (await seedPostmortemRow(acme.admin, (await seedIncident(acme.admin)).id)).id;
  const viewer = await realtime.signedIn(acme.viewer.userId);
  const seen = collect(viewer, "action-item:changed");
  const stranger = collect(await realtime.signedIn(globex.viewer.userId), "action-item:changed");

  const created = nextEvent(viewer, "action-item:changed", (c) => c.action === "created");
  const item = await createActionItem(acme.responder, postmortemId, { title: "Alert on pool use" });
  expect(await created).toEqual({ action: "created", id: item.id, postmortemId, item });

  const updated = nextEvent(viewer, "action-item:changed", (c) => c.action === "updated");
  const done = await updateActionItem(acme.responder, item.id, { status: "done" });
  expect(await updated).toMatchObject({
    action: "updated",
    id: item.id,
    postmortemId,
    item: { status: "done", completedAt: done.completedAt },
  });

  // A refused change says nothing.
  await appErrorOf(updateActionItem(acme.viewer, item.id, { status: "open" }));

  const deleted = nextEvent(viewer, "action-item:changed", (c) => c.action === "deleted");
  await deleteActionItem(acme.admin, item.id);
  expect(await deleted).toEqual({ action: "deleted", id: item.id, postmortemId, item: null });

  expect(seen.map((c) => c.action)).toEqual(["created", "updated", "deleted"]);
  expect(stranger).toEqual([]);
});
