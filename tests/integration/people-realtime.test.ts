// A person whose sessions end is out of every live room at once, on their sockets too.
import { afterAll, beforeAll, expect, it } from "vitest";
import { changeOwnPassword } from "../../lib/people/change-own-password.ts";
import { updatePerson } from "../../lib/people/update-person.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { db } from "../../lib/db/client.ts";
import { startRealtimeServer, type RealtimeTestServer } from "../helpers/realtime-server.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { refused, type TestClient } from "../helpers/socket-client.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let server: RealtimeTestServer;
let org: SeededOrganization;

beforeAll(async () => {
  testDb = await createTestDatabase();
  server = await startRealtimeServer();
  org = await seedOrganization("Live People");
});
afterAll(async () => {
  await server.close();
  await testDb.close();
});

const disconnectedBy = (client: TestClient) => new Promise<string>((resolve) => client.once("disconnect", (reason) => resolve(reason)));

it("deactivating someone disconnects their sockets (and only theirs); the old cookie cannot reconnect", async () => {
  const theirs = [await server.signedIn(org.responder.userId), await server.signedIn(org.responder.userId)];
  const bystander = await server.signedIn(org.commander.userId);
  const gone = theirs.map(disconnectedBy);
  await updatePerson(org.admin, org.responder.userId, { active: false });
  expect(await Promise.all(gone)).toEqual(["io server disconnect", "io server disconnect"]);
  expect(bystander.connected).toBe(true);
  expect(await refused(server.client(await sessionCookie(org.responder.userId)))).toBe("unauthorized");
});

it("changing your password disconnects your other sockets; a cookie from before cannot reconnect", async () => {
  await db().user.update({ where: { id: org.viewer.userId }, data: { passwordHash: await hashPassword("the old passphrase") } });
  const socket = await server.signedIn(org.viewer.userId);
  const gone = disconnectedBy(socket);
  await changeOwnPassword(org.viewer, { currentPassword: "the old passphrase", newPassword: "the new passphrase" });
  expect(await gone).toBe("io server disconnect");
  expect(await refused(server.client(await sessionCookie(org.viewer.userId, 0)))).toBe("unauthorized");
  const again = server.client(await sessionCookie(org.viewer.userId, 1));
  await new Promise<void>((resolve, reject) => {
    again.once("connect", () => resolve());
    again.once("connect_error", reject);
  });
});
