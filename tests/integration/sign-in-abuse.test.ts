// Issue #16, findings 2, 3, 4 and 6 on next-auth's routes: the credentials callback counted
// however it is spelled, bodies refused while streaming, and malformed callback URLs (query or
// cookie) answered without a 500 and never off-site.
import { inRequestScope } from "../helpers/next-request-scope.ts";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "../../app/api/auth/[...nextauth]/route.ts";
import { POST as webhookPost } from "../../app/api/webhooks/[integrationId]/route.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { db } from "../../lib/db/client.ts";
import { loadEnv } from "../../lib/env.ts";
import { seedOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.close());

type AuthHandler = typeof POST;
// Streaming request bodies need `duplex`, which the DOM typings do not list yet.
type NextInit = NonNullable<ConstructorParameters<typeof NextRequest>[1]>;

function authCall(
  handler: AuthHandler,
  segments: string[],
  init: { method: string; headers?: Record<string, string>; body?: BodyInit; query?: string },
) {
  const headers = { host: "localhost:3000", ...init.headers };
  const req = new NextRequest(`http://localhost:3000/api/auth/${segments.join("/")}${init.query ?? ""}`, {
    method: init.method,
    headers,
    body: init.body,
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as NextInit);
  return inRequestScope("/api/auth/[...nextauth]", headers, () => handler(req, { params: Promise.resolve({ nextauth: segments }) }));
}

/** A chunked body of `total` bytes (no Content-Length) that counts how much was pulled. */
function endlessBody(total: number, chunk = 64 * 1024): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const bytes = new Uint8Array(chunk).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk;
      controller.enqueue(bytes);
    },
  });
  return { stream, pulled: () => sent };
}

describe("signing in through the route", () => {
  it("still works with the right password (body re-read after the streaming limit)", async () => {
    const org = await seedOrganization("Acme");
    await db().user.update({ where: { id: org.admin.userId }, data: { passwordHash: await hashPassword("correct horse battery") } });
    const csrf = await authCall(GET, ["csrf"], { method: "GET" });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c: string) => c.split(";")[0])
      .join("; ");
    const form = new URLSearchParams({ email: org.admin.email, password: "correct horse battery", csrfToken, json: "true" }).toString();
    const res = await authCall(POST, ["callback", "credentials"], {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, "x-warroom-client-ip": "203.0.113.9" },
      body: form,
    });
    expect(res.status).toBeLessThan(400);
    expect(res.headers.getSetCookie().some((c: string) => c.startsWith("next-auth.session-token="))).toBe(true);
  });
});

describe("the sign-in rate limit", () => {
  it("counts a password attempt at /callback/credentials/x like the real path", async () => {
    const limit = loadEnv().LOGIN_ATTEMPTS_PER_IP;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) {
      const path = i % 2 === 0 ? ["callback", "credentials", "x"] : ["callback", "credentials", "anything", "else"];
      const res = await authCall(POST, path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-warroom-client-ip": "203.0.113.200" },
        body: "email=admin%40test.local&password=wrong",
      });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, limit)).not.toContain(429);
  });
});

describe("request bodies are refused while streaming", () => {
  it("stops reading a 300 MB chunked post to next-auth at its limit", async () => {
    const body = endlessBody(300 * 1024 * 1024);
    const res = await authCall(POST, ["callback", "credentials"], {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-warroom-client-ip": "203.0.113.201" },
      body: body.stream,
    });
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(1024 * 1024);
  });

  it("stops reading a 300 MB chunked post to a webhook at its limit, before knowing the integration", async () => {
    const body = endlessBody(300 * 1024 * 1024);
    const req = new NextRequest("http://localhost/api/webhooks/00000000-0000-4000-8000-000000000000", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body.stream,
      duplex: "half",
    } as NextInit);
    const res = await webhookPost(req, { params: Promise.resolve({ integrationId: "00000000-0000-4000-8000-000000000000" }) });
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(2 * 1024 * 1024);
  });
});

describe("malformed callback URLs in next-auth", () => {
  for (const value of ["http://[::1", "http://%ZZ", "/\\evil.example/phish", "https://evil.example/phish", "javascript:alert(1)"]) {
    it(`answers ${JSON.stringify(value)} (query and cookie) without a 500 and without leaving the site`, async () => {
      const viaQuery = await authCall(GET, ["signin"], { method: "GET", query: `?callbackUrl=${encodeURIComponent(value)}` });
      const viaCookie = await authCall(GET, ["signin"], {
        method: "GET",
        headers: { cookie: `next-auth.callback-url=${encodeURIComponent(value)}` },
      });
      for (const res of [viaQuery, viaCookie]) {
        expect(res.status).toBeLessThan(500);
        const location = res.headers.get("location");
        if (location) expect(new URL(location, "http://localhost:3000").origin).toBe("http://localhost:3000");
      }
    });
  }
});
