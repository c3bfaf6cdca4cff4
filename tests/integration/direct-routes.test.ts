import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client.ts";
import { isDirectRoute, serveDirect } from "../../lib/server/direct-routes.ts";
import { SECURITY_HEADERS } from "../../lib/http/security-headers.ts";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { callHttp } from "../helpers/call-route.ts";
import { withRealtimeServer, type RealtimeTestBed } from "../helpers/realtime-server.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { nextEvent } from "../helpers/socket-client.ts";

// The routes server.ts answers before Next (posting an entry), over real HTTP and Socket.io.
// The authorization matrix already sends every caller to both paths and compares the answers;
// this covers what only the HTTP layer does: headers, the body limit, the broadcast, fall-through.

let bed: RealtimeTestBed;
let org: SeededOrganization;
let incident: IncidentDto;
let cookie = "";
const eventsPath = () => `/api/incidents/${incident.id}/events`;

beforeAll(async () => {
  bed = await withRealtimeServer({
    onRequest: (req, res) => {
      if (!serveDirect(req, res)) res.writeHead(501, { "content-type": "text/plain" }).end("left to Next");
    },
  });
  org = await seedOrganization();
  incident = await seedIncident(org.commander);
  cookie = await sessionCookie(org.responder.userId);
});
afterAll(() => bed.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  callHttp(bed.url, { method: "POST", path: eventsPath(), headers: { cookie, ...headers }, body });

describe("POST /api/incidents/{id}/events served by server.ts", () => {
  it("stores the entry, answers 201 with the security headers, and pushes it to the room", async () => {
    const client = await bed.signedIn(org.viewer.userId);
    await client.emitWithAck("incident:join", { incidentId: incident.id });
    const pushed = nextEvent(client, "timeline:event", (p) => p.event.clientId === "direct-0001");
    const res = await post({ kind: "note", body: "Checkout p99 back under 800 ms", clientId: "direct-0001" }, { origin: bed.url });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      body: "Checkout p99 back under 800 ms",
      author: { id: org.responder.userId, name: org.responder.name },
    });
    for (const { key, value } of SECURITY_HEADERS) expect(res.headers.get(key)).toBe(value);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect((await pushed).event).toMatchObject({ id: (res.body as { id: string }).id, seq: (res.body as { seq: number }).seq });
  });

  it("answers a retry of the same clientId with the stored entry (200), storing it once", async () => {
    const first = await post({ kind: "note", body: "Paused the retry job", clientId: "direct-0002" });
    const again = await post({ kind: "note", body: "Paused the retry job", clientId: "direct-0002" });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect((again.body as { id: string }).id).toBe((first.body as { id: string }).id);
    expect(await db().timelineEvent.count({ where: { incidentId: incident.id, clientId: "direct-0002" } })).toBe(1);
  });

  it("names the field of a bad entry (422) and refuses a body that is not JSON (400), with a request id", async () => {
    const bad = await post({ kind: "note", body: "" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('"field":"body"');
    const garbled = await post('{"kind": "note", "body": "half');
    expect(garbled.status).toBe(400);
    expect(garbled.body).toMatchObject({ error: { code: "bad_request" } });
    expect(garbled.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a body over 1 MB (413), announced or streamed, and stores nothing", async () => {
    const before = await db().timelineEvent.count({ where: { incidentId: incident.id } });
    const huge = JSON.stringify({ kind: "note", body: "x".repeat(1024 * 1024 + 10) });
    expect((await post(huge)).status).toBe(413);
    // Without a Content-Length (chunked): refused once the limit is passed, and the connection closed.
    const streamed = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const req = request(
        new URL(eventsPath(), bed.url),
        { method: "POST", headers: { cookie, "content-type": "application/json", "transfer-encoding": "chunked" } },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
        },
      );
      req.on("error", reject);
      for (let i = 0; i < 40; i++) req.write("x".repeat(64 * 1024));
      req.end();
    });
    expect(streamed).toEqual({ status: 413, connection: "close" });
    expect(await db().timelineEvent.count({ where: { incidentId: incident.id } })).toBe(before);
  });

  it("leaves other methods, other paths and broken encodings to Next", async () => {
    expect(isDirectRoute("POST", eventsPath())).toBe(true);
    expect(isDirectRoute("POST", `${eventsPath()}?source=ui`)).toBe(true);
    for (const [method, path] of [
      ["GET", eventsPath()],
      ["POST", `${eventsPath()}/`],
      ["POST", `/api/incidents/${incident.id}/events/3/pin`],
      ["POST", "/api/incidents/%E0%A4%A/events"],
    ] as const) {
      expect(isDirectRoute(method, path), `${method} ${path}`).toBe(false);
      expect(
        (await callHttp(bed.url, { method, path, headers: { cookie } }).catch(() => ({ status: 0 }))).status,
        `${method} ${path}`,
      ).toBe(501);
    }
  });
});
