// First: next-auth's route needs Next's request scope, which must exist before next/server loads
// (matrix-world loads it).
import { callPlanned as call, plannedPath, seedMatrixWorld } from "../helpers/matrix-world.ts";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor.ts";
import { createApiToken, revokeApiToken } from "../../lib/people/api-tokens.ts";
import type { RoleName } from "../../lib/auth/permissions.ts";
import { db } from "../../lib/db/client.ts";
import { isDirectRoute, serveDirect } from "../../lib/server/direct-routes.ts";
import { bearer, callHttp, type RouteAnswer } from "../helpers/call-route.ts";
import {
  APP_DIR,
  coverageProblems,
  discoverRoutes,
  paramNamesOf,
  routeKey,
  type DiscoveredRoute,
  type HttpMethod,
} from "../helpers/route-matrix.ts";
import { seedCatalog, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";
import {
  AUTHORIZATION_MATRIX,
  FOREIGN_REFERENCES,
  type ForeignIds,
  type MatrixCase,
  type MatrixWorld,
} from "./authorization-matrix.spec-table.ts";

// Every API route × every kind of caller, against the real handlers (authentication, CSRF check,
// error mapping) and a real database. Requests carry no Origin header, as curl or a server-side
// client would, which the CSRF check lets through; one caller sends a cross-site Origin instead.

const routes = await discoverRoutes(APP_DIR);

const ROLES: readonly RoleName[] = ["ADMIN", "COMMANDER", "RESPONDER", "VIEWER"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

let testDb: TestDatabase;
let world: MatrixWorld;
let other: SeededOrganization;
let foreign: ForeignIds;
const cookies = new Map<string, string>();
const tokens = { adminRead: "", adminWrite: "", revoked: "" };
let goneUserCookie = "";
// Sessions ended on the server: a deactivated admin's, and one from before its user signed out.
const ended = { deactivatedCookie: "", signedOutCookie: "", deactivatedToken: "" };
// server.ts answers a few routes itself, before Next (lib/server/direct-routes.ts): every case of
// those routes goes to both, and the two answers must be the same.
let directServer: Server;
let directUrl = "";

beforeAll(async () => {
  testDb = await createTestDatabase();
  directServer = createServer((req, res) => {
    if (!serveDirect(req, res)) res.writeHead(501).end("not a direct route");
  });
  await new Promise<void>((resolve) => directServer.listen(0, "127.0.0.1", resolve));
  directUrl = `http://127.0.0.1:${(directServer.address() as AddressInfo).port}`;
  world = await seedMatrixWorld("Acme Matrix");
  const { org } = world;
  other = await seedOrganization("Globex");
  const theirs = await seedCatalog(other.admin);
  foreign = { userId: other.responder.userId, teamId: theirs.team.id, serviceId: theirs.gateway.id };
  for (const actor of [org.admin, org.commander, org.responder, org.viewer, other.admin])
    cookies.set(actor.userId, await sessionCookie(actor.userId));
  tokens.adminRead = (await createApiToken(org.admin, { name: "matrix read", scope: "read" })).token;
  tokens.adminWrite = (await createApiToken(org.admin, { name: "matrix write", scope: "write" })).token;
  const revoked = await createApiToken(org.admin, { name: "matrix revoked", scope: "admin" });
  await revokeApiToken(org.admin, revoked.apiToken.id);
  tokens.revoked = revoked.token;
  // A session cookie outlives its user: it must stop working when the user is gone.
  const gone = await db().user.create({
    data: { organizationId: org.id, role: "ADMIN", name: "Former admin", email: "former@test.local" },
  });
  goneUserCookie = await sessionCookie(gone.id);
  await db().user.delete({ where: { id: gone.id } });
  const leaver = await db().user.create({
    data: { organizationId: org.id, role: "ADMIN", name: "Leaving admin", email: "leaver@test.local" },
  });
  ended.deactivatedCookie = await sessionCookie(leaver.id);
  ended.deactivatedToken = (
    await createApiToken(
      { userId: leaver.id, organizationId: org.id, role: "ADMIN", name: leaver.name, email: leaver.email },
      { name: "leaver", scope: "admin" },
    )
  ).token;
  await db().user.update({ where: { id: leaver.id }, data: { deactivatedAt: new Date(), sessionVersion: 1 } });
  const signedOut = await db().user.create({
    data: { organizationId: org.id, role: "ADMIN", name: "Signed-out admin", email: "signed-out@test.local" },
  });
  ended.signedOutCookie = await sessionCookie(signedOut.id, 0);
  await db().user.update({ where: { id: signedOut.id }, data: { sessionVersion: 1 } });
});
afterAll(async () => {
  await new Promise((resolve) => directServer.close(resolve));
  await testDb.close();
});

interface Caller {
  name: string;
  /** Who the request is planned for (its own id in "themselves" cases); null when signed out. */
  actor: () => Actor | null;
  headers: () => Record<string, string>;
  expect(c: MatrixCase, method: HttpMethod): number;
  /** A user of the other organisation: the answer must show nothing of this one. */
  isOutsider?: boolean;
  /** Replace every path parameter by something that is not an id. */
  isMalformed?: boolean;
  /** Replace the JSON body by text that is not JSON. */
  isGarbled?: boolean;
}

/** What a session of `role` gets: the case's status if the role may, else 403. */
function expectedFor(c: MatrixCase, role: RoleName): number {
  if (c.allow === "public") return c.status ?? 200;
  if (!c.allow.includes(role)) return 403;
  return c.otherwise?.[role]?.status ?? c.status ?? 200;
}

const signedOut = (c: MatrixCase) => (c.allow === "public" ? (c.status ?? 200) : 401);
const cookieOf = (actor: Actor) => ({ cookie: cookies.get(actor.userId)! });

function callersFor(route: DiscoveredRoute, method: HttpMethod, c: MatrixCase): Caller[] {
  const callers: Caller[] = [
    { name: "signed out", actor: () => null, headers: () => ({}), expect: signedOut },
    { name: "unknown token", actor: () => null, headers: () => bearer(`wr_${"A".repeat(43)}`), expect: signedOut },
    { name: "revoked admin token", actor: () => null, headers: () => bearer(tokens.revoked), expect: signedOut },
    { name: "session of a deleted admin", actor: () => null, headers: () => ({ cookie: goneUserCookie }), expect: signedOut },
    { name: "session of a deactivated admin", actor: () => null, headers: () => ({ cookie: ended.deactivatedCookie }), expect: signedOut },
    { name: "API token of a deactivated admin", actor: () => null, headers: () => bearer(ended.deactivatedToken), expect: signedOut },
    {
      name: "admin session from before sign-out",
      actor: () => null,
      headers: () => ({ cookie: ended.signedOutCookie }),
      expect: signedOut,
    },
    ...ROLES.map((role): Caller => {
      const actor = () => world.org[role.toLowerCase() as Lowercase<RoleName>];
      return { name: role, actor, headers: () => cookieOf(actor()), expect: (mc) => expectedFor(mc, role) };
    }),
    // A token acts as its user narrowed by scope: an admin's read/write token acts as a commander.
    {
      name: "admin's read token",
      actor: () => world.org.admin,
      headers: () => bearer(tokens.adminRead),
      expect: (mc, m) => (mc.allow === "public" || SAFE_METHODS.has(m) ? expectedFor(mc, "COMMANDER") : 403),
    },
    {
      name: "admin's write token",
      actor: () => world.org.admin,
      headers: () => bearer(tokens.adminWrite),
      expect: (mc) => expectedFor(mc, "COMMANDER"),
    },
  ];
  if (c.allow === "public") return callers;
  const outsider = {
    name: "another organisation's admin",
    actor: () => other.admin,
    headers: () => cookieOf(other.admin),
    isOutsider: true,
  };
  if (paramNamesOf(route.path).length > 0) {
    // Another tenant must not learn the entity exists, let alone read or change it.
    callers.push({ ...outsider, expect: (mc) => mc.crossOrg ?? 404 });
    // Ids that are not ids at all are unknown entities, never a database error.
    const admin = world.org.admin;
    callers.push({
      name: "ADMIN, malformed ids",
      actor: () => admin,
      headers: () => cookieOf(admin),
      expect: (mc) => mc.malformedIds?.status ?? 404,
      isMalformed: true,
    });
  } else if (SAFE_METHODS.has(method)) {
    // Lists and exports: the other organisation gets its own, with nothing of this one in it.
    callers.push({ ...outsider, expect: (mc) => expectedFor(mc, "ADMIN") });
  }
  if (!SAFE_METHODS.has(method)) {
    // A body that is not JSON is the sender's mistake (400), never a 500.
    const admin = world.org.admin;
    callers.push({ name: "ADMIN, body not JSON", actor: () => admin, headers: () => cookieOf(admin), expect: () => 400, isGarbled: true });
    callers.push({
      name: "admin, from another site",
      actor: () => world.org.admin,
      headers: () => ({ ...cookieOf(world.org.admin), origin: "https://evil.example", "sec-fetch-site": "cross-site" }),
      expect: () => 403,
    });
  }
  return callers;
}

const REFUSED = new Set([401, 403, 404]);

/** Runs one case for every caller; returns one line per caller whose answer differs from the table. */
async function runCase(route: DiscoveredRoute, method: HttpMethod, c: MatrixCase): Promise<string[]> {
  const problems: string[] = [];
  for (const caller of callersFor(route, method, c)) {
    const plan = await c.plan(world, caller.actor());
    if (caller.isMalformed) plan.params = Object.fromEntries(Object.keys(plan.params ?? {}).map((k) => [k, "not-an-id'--"]));
    if (caller.isGarbled) {
      // Only JSON bodies: routes without one, or taking a file (catalog import), have nothing to garble.
      if (plan.body === undefined || typeof plan.body === "string") continue;
      plan.body = '{"name": "half a request';
    }
    const expected = caller.expect(c, method);
    const auditBefore = await db().auditLog.count();
    const res = await call(route, method, plan, { ...caller.headers(), ...plan.headers });
    const text = JSON.stringify(res.body) ?? "";
    if (res.status !== expected) {
      problems.push(`${caller.name}: expected ${expected}, got ${res.status} ${text.slice(0, 200)}`);
      continue;
    }
    // A refused request changes nothing: not even an audit row.
    if (REFUSED.has(expected) && (await db().auditLog.count()) !== auditBefore) {
      problems.push(`${caller.name}: refused with ${res.status} but wrote to the audit log`);
    }
    if (caller.isOutsider && [world.org.name, world.incident.title, world.catalog.team.name].some((s) => text.includes(s))) {
      problems.push(`${caller.name}: the ${res.status} answer shows the other organisation's data: ${text.slice(0, 200)}`);
    }
    const urlPath = plannedPath(route, plan);
    if (isDirectRoute(method, urlPath)) {
      const auditBeforeDirect = await db().auditLog.count();
      const direct = await callHttp(directUrl, {
        method,
        path: urlPath,
        headers: { ...caller.headers(), ...plan.headers },
        body: plan.body,
      });
      const errorOf = (a: RouteAnswer) => JSON.stringify((a.body as { error?: unknown } | null)?.error ?? null);
      if (direct.status !== res.status || errorOf(direct) !== errorOf(res)) {
        problems.push(
          `${caller.name}: server.ts answered ${direct.status} ${errorOf(direct)}, the route handler ${res.status} ${errorOf(res)}`,
        );
      }
      if (REFUSED.has(expected) && (await db().auditLog.count()) !== auditBeforeDirect)
        problems.push(`${caller.name}: server.ts refused with ${direct.status} but wrote to the audit log`);
    }
  }
  return problems;
}

describe("the authorization matrix", () => {
  it("covers every route handler and method in app/, and lists nothing that no longer exists", () => {
    expect(routes.length).toBeGreaterThan(10);
    const discovered = routes.flatMap((r) => r.methods.map((m) => routeKey(m, r.path)));
    expect(coverageProblems(discovered, Object.keys(AUTHORIZATION_MATRIX))).toEqual([]);
  });

  it("says something checkable in every row", () => {
    const vague = Object.entries(AUTHORIZATION_MATRIX).flatMap(([key, cases]) => [
      ...(cases.length === 0 ? [`${key}: no cases`] : []),
      // An exception for a role the row does not allow would never be looked at.
      ...cases.flatMap((c) =>
        Object.keys(c.otherwise ?? {})
          .filter((role) => c.allow === "public" || !c.allow.includes(role as RoleName))
          .map((role) => `${key}: otherwise.${role} but ${role} is not allowed`),
      ),
    ]);
    expect(vague).toEqual([]);
  });

  for (const route of routes) {
    for (const method of route.methods) {
      for (const c of AUTHORIZATION_MATRIX[routeKey(method, route.path)] ?? []) {
        it(`${routeKey(method, route.path)}${c.variant ? ` (${c.variant})` : ""}`, async () => {
          expect(await runCase(route, method, c)).toEqual([]);
        });
      }
    }
  }
});

describe("another organisation's ids in a request body", () => {
  const byKey = new Map(routes.flatMap((r) => r.methods.map((m) => [routeKey(m, r.path), { route: r, method: m }] as const)));
  for (const ref of FOREIGN_REFERENCES) {
    it(`${ref.key} refuses them (${ref.status} naming ${ref.field}) and links nothing`, async () => {
      const target = byKey.get(ref.key);
      expect(target, `${ref.key} is not a route`).toBeDefined();
      const plan = await ref.plan(world, foreign);
      const auditBefore = await db().auditLog.count();
      const res = await call(target!.route, target!.method, plan, { ...cookieOf(world.org.admin), ...plan.headers });
      expect(res.status, JSON.stringify(res.body)).toBe(ref.status);
      const fields = (res.body as { error: { details?: { fields?: { field: string }[] } } }).error.details?.fields ?? [];
      expect(fields.map((f) => f.field)).toContain(ref.field);
      expect(await db().auditLog.count()).toBe(auditBefore);
    });
  }
});
