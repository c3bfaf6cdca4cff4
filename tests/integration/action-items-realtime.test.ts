import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createActionItem } from "../../lib/action-items/create-action-item.ts";
import { deleteActionItem } from "../../lib/action-items/delete-action-item.ts";
import { updateActionItem } from "../../lib/action-items/update-action-item.ts";
import { setRealtimeServer, type RealtimeServer } from "../../lib/realtime/emit.ts";
import { createRealtimeServer } from "../../lib/realtime/socket-server.ts";
import { appErrorOf } from "../helpers/app-error.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { seedPostmortemRow } from "../helpers/seed-postmortem-rows.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { collect, connected, createClient, nextEvent, type TestClient } from "../helpers/socket-client.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let server: HttpServer;
let io: RealtimeServer;
let acme: SeededOrganization;
let globex: SeededOrganization;
const clients: TestClient[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
  server = createServer();
  io = createRealtimeServer(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  for (const c of clients) c.disconnect();
  setRealtimeServer(undefined);
  await io.close();
  await testDb.close();
});

async function signedIn(userId: string): Promise<TestClient> {
  const client = createClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, await sessionCookie(userId));
  clients.push(client);
  await connected(client);
  return client;
}

it("pushes action-item:changed to the organisation, and only it, after each committed change", async () => {
  const postmortemId = (await seedPostmortemRow(acme.admin, (await seedIncident(acme.admin)).id)).id;
  const viewer = await signedIn(acme.viewer.userId);
  const seen = collect(viewer, "action-item:changed");
  const stranger = collect(await signedIn(globex.viewer.userId), "action-item:changed");

  const created = nextEvent(viewer, "action-item:changed", (c) => c.action === "created");
  const item = await createActionItem(acme.responder, postmortemId, { title: "Alert on pool use" });
  expect(await created).toEqual({ action: "created", id: item.id, postmortemId, item });

  const updated = nextEvent(viewer, "action-item:changed", (c) => c.action === "updated");
  const done = await updateActionItem(acme.responder, item.id, { status: "done" });
  expect(await updated).toMatchObject({ action: "updated", id: item.id, postmortemId, item: { status: "done", completedAt: done.completedAt } });

  // A refused change says nothing.
  await appErrorOf(updateActionItem(acme.viewer, item.id, { status: "open" }));

  const deleted = nextEvent(viewer, "action-item:changed", (c) => c.action === "deleted");
  await deleteActionItem(acme.admin, item.id);
  expect(await deleted).toEqual({ action: "deleted", id: item.id, postmortemId, item: null });

  expect(seen.map((c) => c.action)).toEqual(["created", "updated", "deleted"]);
  expect(stranger).toEqual([]);
});
