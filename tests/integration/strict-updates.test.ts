// Issue #16 finding 11: every update (PATCH and PUT) refuses a field it does not know with a 422
// naming it, so a typo ("severty") is never a silent 200 that changed nothing. The routes come from
// the app directory and the requests from the authorization matrix, so a new route is covered.
// next-request-scope must load before next/server.
import { inRequestScope } from "../helpers/next-request-scope.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor.ts";
import { db } from "../../lib/db/client.ts";
import { createIntegration } from "../../lib/integrations/manage.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { callRoute } from "../helpers/call-route.ts";
import { discoverRoutes, fillRoutePath, routeKey, type HttpMethod } from "../helpers/route-matrix.ts";
import { seedCatalog, seedIncident, seedOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";
import { AUTHORIZATION_MATRIX, freshState, type MatrixWorld } from "./authorization-matrix.spec-table.ts";

const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../app");
const routes = await discoverRoutes(APP_DIR);
const UPDATES = new Set<HttpMethod>(["PATCH", "PUT"]);

let testDb: TestDatabase;
let world: MatrixWorld;
let adminCookie = "";

beforeAll(async () => {
  testDb = await createTestDatabase();
  const org = await seedOrganization("Acme Strict");
  const incident = await seedIncident(org.admin, { title: "Acme checkout down" });
  const catalog = await seedCatalog(org.admin);
  const alerts = await createIntegration(org.admin, { kind: "generic", name: "Synthetic checks" });
  const note = async (author: Actor, body: string, incidentId = incident.id) => (await postEvent(author, incidentId, { kind: "note", body })).event.seq;
  const responderIncident = await seedIncident(org.responder, { title: "Acme search slow" });
  world = {
    org,
    incident,
    responderIncident: { id: responderIncident.id, entrySeq: await note(org.responder, "Search p95 at 2 s", responderIncident.id) },
    catalog,
    integration: { id: alerts.integration.id, secret: alerts.secret },
    entries: {
      byResponder: await note(org.responder, "Gateway p99 at 4 s"),
      byCommander: await note(org.commander, "Rolling back the returns release"),
      forPin: await note(org.responder, "Checkout recovered after rollback"),
    },
    fresh: freshState(org, () => incident.id, () => catalog),
  };
  adminCookie = await sessionCookie(org.admin.userId);
});
afterAll(() => testDb.close());

// The catch-all answers 404 to every method and path; it has no body to be strict about.
const updates = routes
  .filter((route) => route.path !== "/api/[...path]")
  .flatMap((route) => route.methods.filter((m) => UPDATES.has(m)).map((method) => ({ route, method, key: routeKey(method, route.path) })));

describe("updates are strict", () => {
  it("covers every PATCH and PUT route", () => {
    expect(updates.length).toBeGreaterThan(15);
  });

  for (const { route, method, key } of updates) {
    it(`${key}: an unknown field is a 422 naming it, and nothing is written`, async () => {
      const cases = AUTHORIZATION_MATRIX[key] ?? [];
      const matrixCase = cases.find((c) => (c.allow === "public" || c.allow.includes("ADMIN")) && (c.status ?? 200) < 300) ?? cases.find((c) => c.allow === "public" || c.allow.includes("ADMIN"));
      expect(matrixCase, `${key} has no case an admin may call`).toBeDefined();
      const plan = await matrixCase!.plan(world, world.org.admin);
      const body = plan.body;
      expect(typeof body === "object" && body !== null && !Array.isArray(body), `${key} takes a JSON object`).toBe(true);
      const audits = await db().auditLog.count();
      const params = plan.params ?? {};
      const urlPath = fillRoutePath(route.path, params) + (plan.query ? `?${plan.query}` : "");
      const headers = { cookie: adminCookie, ...plan.headers };
      const res = await inRequestScope(route.path, headers, () =>
        callRoute(route.handlers[method]!, { method, path: urlPath, params, headers, body: { ...(body as object), severty: "SEV1" } }),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      const error = (res.body as { error: { message: string; details?: { fields?: { field: string }[] } } }).error;
      const named = (error.details?.fields ?? []).some((f) => f.field.includes("severty")) || error.message.includes("severty");
      expect(named, JSON.stringify(error)).toBe(true);
      expect(await db().auditLog.count()).toBe(audits);
    });
  }
});
