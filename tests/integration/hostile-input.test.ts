// Issue #16, findings 6 and 11: NUL and control characters refused by the one text schema
// whichever way they arrive (a page's server action calls the same domain functions), ?q= with
// NUL, broken percent-encoding in a path, look-alike names, and unknown keys in PATCH bodies.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listEvents } from "../../app/api/incidents/[id]/events/route.ts";
import { updateDependency } from "../../lib/catalog/update-dependency.ts";
import { createService } from "../../lib/catalog/create-service.ts";
import { updateService } from "../../lib/catalog/update-service.ts";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { updateTeam } from "../../lib/catalog/update-team.ts";
import { db } from "../../lib/db/client.ts";
import { refuseMalformedPath } from "../../lib/http/malformed-path.ts";
import { setIncidentImpact } from "../../lib/incidents/set-incident-impact.ts";
import { updateImpactSettings } from "../../lib/impact/impact-settings.ts";
import { declareIncident } from "../../lib/incidents/declare-incident.ts";
import { ZUpdateChannel } from "../../lib/outbound/schemas.ts";
import { ZTemplatePatch } from "../../lib/postmortems/schemas.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { expectAppError } from "../helpers/app-error.ts";
import { callHttp, callRoute } from "../helpers/call-route.ts";
import { seedCatalog, seedIncident, seedOrganization, type SeededCatalog, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
let catalog: SeededCatalog;
let server: Server;
let baseUrl = "";

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Acme");
  catalog = await seedCatalog(org.admin);
  // server.ts's first step, alone: a page path falls through to "Next" (here: echo the rewritten url).
  server = createServer((req, res) => {
    if (refuseMalformedPath(req, res)) return;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ url: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await testDb.close();
});

describe("the one text schema", () => {
  const HOSTILE = { NUL: "Checkout\u0000down", "control characters": "Checkout \u001B[31mdown", "a lone surrogate": "Checkout \uD800down" };
  for (const [what, value] of Object.entries(HOSTILE)) {
    it(`refuses ${what} in titles, entries and names, naming the field and writing nothing`, async () => {
      const incident = await seedIncident(org.responder, { title: "Payment gateway timeouts" });
      const audit = await db().auditLog.count();
      await expectAppError(declareIncident(org.responder, { title: value, severity: "SEV2" }), "validation_failed", "title");
      await expectAppError(postEvent(org.responder, incident.id, { kind: "note", body: value }), "validation_failed", "body");
      await expectAppError(createTeam(org.admin, { name: value }), "validation_failed", "name");
      await expectAppError(updateService(org.admin, catalog.checkout.id, { description: value }), "validation_failed", "description");
      expect(await db().auditLog.count()).toBe(audit);
    });
  }

  it("keeps line breaks and tabs in multi-line text, and trims", async () => {
    const incident = await seedIncident(org.responder, { title: "Inventory sync lagging" });
    const { event } = await postEvent(org.responder, incident.id, { kind: "note", body: "  Steps:\n\t1. pause sync\r\n\t2. replay  " });
    expect(event.body).toBe("Steps:\n\t1. pause sync\r\n\t2. replay");
  });

  it("answers a NUL in ?q= with a 422 naming q, not a database error", async () => {
    const incident = await seedIncident(org.responder, { title: "Search slow" });
    const res = await callRoute(listEvents, {
      path: `/api/incidents/${incident.id}/events?q=%00`,
      params: { id: incident.id },
      headers: { cookie: await sessionCookie(org.responder.userId) },
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('"field":"q"');
  });
});

describe("broken percent-encoding in a path", () => {
  it("is a 400 in the API's error shape with the security headers", async () => {
    const res = await callHttp(baseUrl, { path: "/api/teams/%ZZ" });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "bad_request" } });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("sends a page to Next's not-found page", async () => {
    const res = await callHttp(baseUrl, { path: "/incidents/%ZZ" });
    expect(res.body).toEqual({ url: "/_malformed-address" });
  });
});

describe("names that look alike are the same name", () => {
  it("refuses Pay\\u200Bments and full-width Ｐayments beside Payments (422 naming name), and stores the normalised name", async () => {
    await createTeam(org.admin, { name: "Payments" });
    await expectAppError(createTeam(org.admin, { name: "Pay\u200Bments" }), "validation_failed", "name");
    await expectAppError(createTeam(org.admin, { name: "\uFF30ayments" }), "validation_failed", "name");
    const team = await createTeam(org.admin, { name: "Fulfil\u200Dment" });
    expect(team.name).toBe("Fulfilment");
  });
});

describe("money and counts have realistic ceilings", () => {
  it("refuses revenuePerMinute 1e308 (triage showed Infinity) and a count of 1e12, naming them", async () => {
    await expectAppError(
      updateImpactSettings(org.admin, {
        baselines: { checkout: { revenuePerMinute: 1e308, ordersPerMinute: 10, customersPerMinute: 100, conversionWeight: 1 } },
      }),
      "validation_failed",
      "baselines.checkout.revenuePerMinute",
    );
    const incident = await seedIncident(org.responder, { title: "Checkout errors" });
    await expectAppError(
      setIncidentImpact(org.responder, incident.id, { journeys: { checkout: { degradation: 40, failedCheckouts: 1e12 } } }),
      "validation_failed",
      "journeys.checkout.failedCheckouts",
    );
  });
});

describe("PATCH bodies are strict", () => {
  it("refuses unknown keys on teams, services and dependencies with a 422 naming the key", async () => {
    const audit = await db().auditLog.count();
    await expectAppError(updateTeam(org.admin, catalog.team.id, { nmae: "Typo" }), "validation_failed", "nmae");
    await expectAppError(updateService(org.admin, catalog.checkout.id, { owner: "someone" }), "validation_failed", "owner");
    await expectAppError(updateDependency(org.admin, catalog.dependency.id, { critical: true }), "validation_failed", "critical");
    expect(await db().auditLog.count()).toBe(audit);
  });

  it("refuses unknown keys on notification channels and post-mortem templates too", async () => {
    expect(ZUpdateChannel.safeParse({ enabled: false }).error?.issues[0]?.code).toBe("unrecognized_keys");
    expect(ZTemplatePatch.safeParse({ titel: "x" }).error?.issues[0]?.code).toBe("unrecognized_keys");
  });

  it("still takes a service created and patched with known keys", async () => {
    const service = await createService(org.admin, { name: "Returns API", teamId: catalog.team.id });
    expect((await updateService(org.admin, service.id, { tier: 2 })).tier).toBe(2);
  });
});
