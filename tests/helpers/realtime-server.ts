// The HTTP + Socket.io server of server.ts, minus Next, on a free local port: what a realtime
// integration test connects its browser-like clients to.
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { attachFanout, type Fanout, type FanoutOptions } from "../../lib/realtime/adapter.ts";
import { setRealtimeServer, type RealtimeServer } from "../../lib/realtime/emit.ts";
import { createRealtimeServer } from "../../lib/server/socket-server.ts";
import { sessionCookie } from "./session-cookie.ts";
import { connected, createClient, type TestClient } from "./socket-client.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

export interface RealtimeTestServer {
  io: RealtimeServer;
  url: string;
  /** A client with this cookie, not yet connected (to test a refusal, say); closed with the server. */
  client(cookie?: string): TestClient;
  /** A connected client signed in as this user; closed with the server. */
  signedIn(userId: string): Promise<TestClient>;
  /** Disconnects every client opened so far (an afterEach, so one test's clients leave its rooms). */
  disconnectClients(): void;
  /** Disconnects the clients, then closes Socket.io (and with it the HTTP server) and the fan-out. */
  close(): Promise<void>;
}

/**
 * Starts a server over the database already open. It becomes the process-wide server that domain
 * functions emit through (createRealtimeServer sets it), as in server.ts.
 */
export async function startRealtimeServer(
  options: { fanout?: FanoutOptions; onRequest?: RequestListener } = {},
): Promise<RealtimeTestServer> {
  // Socket.io answers its own path and hands every other request to onRequest, as in server.ts.
  const server = createServer(options.onRequest);
  const io = createRealtimeServer(server);
  // Attached before listening, as in server.ts.
  const fanout: Fanout | undefined = options.fanout ? await attachFanout(io, options.fanout) : undefined;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients: TestClient[] = [];

  const client = (cookie?: string) => {
    const c = createClient(url, cookie);
    clients.push(c);
    return c;
  };
  const disconnectClients = () => {
    for (const c of clients.splice(0)) c.disconnect();
  };
  return {
    io,
    url,
    client,
    signedIn: async (userId) => {
      const c = client(await sessionCookie(userId));
      await connected(c);
      return c;
    },
    disconnectClients,
    close: async () => {
      disconnectClients();
      setRealtimeServer(undefined);
      // io.close() also closes the HTTP server it is attached to.
      await io.close();
      await fanout?.close();
    },
  };
}

export interface RealtimeTestBed extends RealtimeTestServer {
  testDb: TestDatabase;
}

/** A fresh test database with a realtime server over it; close() closes both, the server first. */
export async function withRealtimeServer(options: { onRequest?: RequestListener } = {}): Promise<RealtimeTestBed> {
  const testDb = await createTestDatabase();
  const realtime = await startRealtimeServer(options);
  return {
    ...realtime,
    testDb,
    close: async () => {
      await realtime.close();
      await testDb.close();
    },
  };
}
