// Issue #16 finding 6, as a browser or an attacker would send it: malformed session cookies and
// malformed callback URLs (cookie and query) on real pages, API routes and every next-auth route.
// The answer is a clean 401, redirect or the signed-out answer, never a 500 and never off-site.
// (Before the route made unparseable callback URLs usable, next-auth's configuration check answered
// 500 on session, csrf, providers, sign-out and the credentials callback, and sent sign-in to
// /login?error=Configuration.)
import { inRequestScope } from "../helpers/next-request-scope.ts";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "../../app/api/auth/[...nextauth]/route.ts";
import * as incidentsRoute from "../../app/api/incidents/route.ts";
import { getPageActor } from "../../lib/server/page-actor.ts";
import { callRoute } from "../helpers/call-route.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { SESSION_COOKIE, sessionCookie } from "../helpers/session-cookie.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let acme: SeededOrganization;
let validToken = "";
beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme Cookies");
  validToken = (await sessionCookie(acme.admin.userId)).slice(SESSION_COOKIE.length + 1);
});
afterAll(() => testDb.close());

const ORIGIN = "http://localhost:3000";

/** Session cookies a browser can end up holding, or an attacker can send. */
async function malformedSessions(): Promise<[string, string][]> {
  const otherSecret = await encode({ token: { sub: acme.admin.userId, sv: 0 }, secret: "another-deployment-secret-0123456789" });
  const expired = await encode({ token: { sub: acme.admin.userId, sv: 0 }, secret: process.env.NEXTAUTH_SECRET!, maxAge: -3600 });
  return [
    ["garbage", `${SESSION_COOKIE}=garbage`],
    ["broken percent-encoding", `${SESSION_COOKIE}=%ZZ%E0%A4%A`],
    ["a truncated token", `${SESSION_COOKIE}=${validToken.slice(0, validToken.length - 12)}`],
    [
      "a token with a flipped byte",
      `${SESSION_COOKIE}=${validToken.slice(0, 40)}${validToken[40] === "A" ? "B" : "A"}${validToken.slice(41)}`,
    ],
    ["a token from another deployment's secret", `${SESSION_COOKIE}=${otherSecret}`],
    ["an expired token", `${SESSION_COOKIE}=${expired}`],
    ["a five-part token of empty parts", `${SESSION_COOKIE}=....`],
    ["a JWT-looking unsigned token", `${SESSION_COOKIE}=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.`],
    ["only the first chunk of a chunked cookie", `${SESSION_COOKIE}.0=${validToken.slice(0, 50)}`],
    ["an 8 KB value", `${SESSION_COOKIE}=${"A".repeat(8 * 1024)}`],
    ["an empty value", `${SESSION_COOKIE}=`],
  ];
}

const MALFORMED_CALLBACKS = [
  "http://[::1",
  "http://%ZZ",
  "javascript:alert(1)",
  "%ZZ",
  "http://",
  "/\\evil.example/phish",
  "https://evil.example/phish",
];

function authCall(handler: typeof GET, segments: string[], init: { method: string; cookie?: string; query?: string; body?: string }) {
  const headers: Record<string, string> = {
    host: "localhost:3000",
    ...(init.cookie ? { cookie: init.cookie } : {}),
    ...(init.body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
  };
  const req = new NextRequest(`${ORIGIN}/api/auth/${segments.join("/")}${init.query ?? ""}`, {
    method: init.method,
    headers,
    body: init.body,
  });
  return inRequestScope("/api/auth/[...nextauth]", headers, () => handler(req, { params: Promise.resolve({ nextauth: segments }) }));
}

const AUTH_ROUTES: [typeof GET, string[], string][] = [
  [GET, ["session"], "GET"],
  [GET, ["csrf"], "GET"],
  [GET, ["providers"], "GET"],
  [GET, ["signin"], "GET"],
  [GET, ["signout"], "GET"],
  [POST, ["signout"], "POST"],
  [POST, ["callback", "credentials"], "POST"],
];

function expectCleanAnswer(what: string, res: Response): void {
  expect(res.status, what).toBeLessThan(500);
  const location = res.headers.get("location");
  if (location) {
    expect(new URL(location, ORIGIN).origin, what).toBe(ORIGIN);
    expect(location, what).not.toContain("error=Configuration");
  }
}

describe("a malformed next-auth.callback-url cookie or callbackUrl query", () => {
  for (const value of MALFORMED_CALLBACKS) {
    it(`${JSON.stringify(value)} leaves every auth route working`, async () => {
      for (const [handler, segments, method] of AUTH_ROUTES) {
        const body = method === "POST" ? `email=${encodeURIComponent(acme.admin.email)}&password=wrong-password` : undefined;
        const cookie = `next-auth.callback-url=${encodeURIComponent(value)}`;
        expectCleanAnswer(`${method} ${segments.join("/")} with the cookie`, await authCall(handler, segments, { method, cookie, body }));
        expectCleanAnswer(
          `${method} ${segments.join("/")} with the query`,
          await authCall(handler, segments, { method, query: `?callbackUrl=${encodeURIComponent(value)}`, body }),
        );
      }
      // The session endpoint still answers a signed-in browser, bad cookie beside the good one.
      const res = await authCall(GET, ["session"], {
        method: "GET",
        cookie: `next-auth.callback-url=${encodeURIComponent(value)}; ${SESSION_COOKIE}=${validToken}`,
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { user?: { id?: string } }).user?.id).toBe(acme.admin.userId);
    });
  }
});

describe("a malformed session cookie", () => {
  it("is a 401 in the error shape on the API", async () => {
    for (const [label, cookie] of await malformedSessions()) {
      const res = await inRequestScope("/api/incidents", { cookie }, () =>
        callRoute(incidentsRoute.GET, { method: "GET", path: "/api/incidents", headers: { cookie } }),
      );
      expect(res.status, label).toBe(401);
      expect((res.body as { error?: { code?: string } }).error?.code, label).toBe("unauthorized");
    }
  });

  it("is the signed-out answer from next-auth's session endpoint", async () => {
    for (const [label, cookie] of await malformedSessions()) {
      const res = await authCall(GET, ["session"], { method: "GET", cookie });
      expect(res.status, label).toBe(200);
      expect(await res.json(), label).toEqual({});
    }
  });

  it("sends a page to the login page", async () => {
    for (const [label, cookie] of await malformedSessions()) {
      const thrown = await inRequestScope("/triage", { cookie }, () => getPageActor("/triage")).then(
        () => null,
        (error: unknown) => error as { digest?: string },
      );
      expect(thrown?.digest, label).toContain("/login?callbackUrl=%2Ftriage");
    }
  });
});
