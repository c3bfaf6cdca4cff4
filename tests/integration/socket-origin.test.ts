// Issue #16, finding 10: the Socket.io handshake accepted any Origin, so a page on another site
// could open a socket with a visitor's session cookie and read their organisation's live feed.
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connected, refused, type TestClient } from "../helpers/socket-client.ts";
import { startRealtimeServer, type RealtimeTestServer } from "../helpers/realtime-server.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let server: RealtimeTestServer;
let org: SeededOrganization;
const opened: TestClient[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Acme");
  server = await startRealtimeServer();
});
afterAll(async () => {
  for (const c of opened) c.close();
  await server.close();
  await testDb.close();
});

function clientWith(headers: Record<string, string>): TestClient {
  const client: TestClient = io(server.url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
  });
  opened.push(client);
  return client;
}

describe("the Socket.io handshake", () => {
  it("refuses another site's Origin even with a valid session cookie", async () => {
    const cookie = await sessionCookie(org.responder.userId);
    await expect(refused(clientWith({ cookie, origin: "https://evil.example" }))).resolves.toBeTruthy();
    await expect(refused(clientWith({ cookie, origin: "null" }))).resolves.toBeTruthy();
  });

  it("accepts the app's own Origin (and clients that send none, like curl)", async () => {
    const cookie = await sessionCookie(org.responder.userId);
    const host = new URL(server.url).host;
    await expect(connected(clientWith({ cookie, origin: `http://${host}` }))).resolves.toBeUndefined();
    await expect(connected(clientWith({ cookie }))).resolves.toBeUndefined();
  });
});
