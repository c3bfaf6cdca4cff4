// Issue #16 finding 11: every update (PATCH and PUT) refuses a field it does not know with a 422
// naming it, so a typo ("severty") is never a silent 200 that changed nothing. The routes come from
// the app directory and the requests from the authorization matrix, so a new route is covered.
// matrix-world loads next-request-scope, which must come before next/server.
import { callPlanned, seedMatrixWorld } from "../helpers/matrix-world.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client.ts";
import { APP_DIR, discoverRoutes, routeKey, type HttpMethod } from "../helpers/route-matrix.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";
import { AUTHORIZATION_MATRIX, type MatrixWorld } from "./authorization-matrix.spec-table.ts";

const routes = await discoverRoutes(APP_DIR);
const UPDATES = new Set<HttpMethod>(["PATCH", "PUT"]);

let testDb: TestDatabase;
let world: MatrixWorld;
let adminCookie = "";

beforeAll(async () => {
  testDb = await createTestDatabase();
  world = await seedMatrixWorld("Acme Strict");
  adminCookie = await sessionCookie(world.org.admin.userId);
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
      const matrixCase =
        cases.find((c) => (c.allow === "public" || c.allow.includes("ADMIN")) && (c.status ?? 200) < 300) ??
        cases.find((c) => c.allow === "public" || c.allow.includes("ADMIN"));
      expect(matrixCase, `${key} has no case an admin may call`).toBeDefined();
      const plan = await matrixCase!.plan(world, world.org.admin);
      const body = plan.body;
      expect(typeof body === "object" && body !== null && !Array.isArray(body), `${key} takes a JSON object`).toBe(true);
      const audits = await db().auditLog.count();
      const res = await callPlanned(
        route,
        method,
        plan,
        { cookie: adminCookie, ...plan.headers },
        { ...(body as object), severty: "SEV1" },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      const error = (res.body as { error: { message: string; details?: { fields?: { field: string }[] } } }).error;
      const named = (error.details?.fields ?? []).some((f) => f.field.includes("severty")) || error.message.includes("severty");
      expect(named, JSON.stringify(error)).toBe(true);
      expect(await db().auditLog.count()).toBe(audits);
    });
  }
});
