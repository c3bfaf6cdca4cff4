import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tokenRoute from "../../app/api/tokens/route.ts";
import * as revokeRoute from "../../app/api/tokens/[id]/route.ts";
import { generateApiToken, hashApiToken } from "../../lib/auth/api-token-format.ts";
import type { ApiTokenDto } from "../../lib/people/api-tokens.ts";
import { db } from "../../lib/db/client.ts";
import { windowOf } from "../../lib/security/rate-limit.ts";
import { bearer, callRoute } from "../helpers/call-route.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let acme: SeededOrganization;
let globex: SeededOrganization;

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
});
afterAll(() => testDb.close());

type Created = { token: string; apiToken: ApiTokenDto };
type ErrorAnswer = { error: { code: string; message: string; details?: { fields: { field: string }[] } } };

async function asUser(userId: string) {
  return { cookie: await sessionCookie(userId) };
}

async function create(userId: string, input: unknown, headers?: Record<string, string>) {
  return callRoute(tokenRoute.POST, { method: "POST", path: "/api/tokens", headers: headers ?? (await asUser(userId)), body: input });
}

async function createOk(userId: string, name: string, scope: "read" | "write" | "admin"): Promise<Created> {
  const res = await create(userId, { name, scope });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Created;
}

const list = async (headers: Record<string, string>) => callRoute(tokenRoute.GET, { path: "/api/tokens", headers });
const revoke = async (id: string, headers: Record<string, string>) =>
  callRoute(revokeRoute.DELETE, { method: "DELETE", path: `/api/tokens/${id}`, params: { id }, headers });
const names = (body: unknown) => (body as { tokens: ApiTokenDto[] }).tokens.map((t) => t.name);

describe("creating a token", () => {
  it("shows the token once and stores only its hash and prefix", async () => {
    const { token, apiToken } = await createOk(acme.responder.userId, "payments health push", "write");
    expect(token).toMatch(/^wr_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({
      name: "payments health push",
      scope: "write",
      prefix: token.slice(0, 10),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(apiToken.owner).toEqual({ id: acme.responder.userId, name: acme.responder.name });

    const row = await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(10));
    // Listing never gives the token back.
    expect(JSON.stringify((await list(await asUser(acme.responder.userId))).body)).not.toContain(token.slice(10));

    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: apiToken.id, action: "api_token.create" } });
    expect(audit.actorId).toBe(acme.responder.userId);
    expect(JSON.stringify(audit.after)).not.toContain(token.slice(10));
  });

  it("names each bad field and stores nothing", async () => {
    const before = await db().apiToken.count();
    const res = await create(acme.responder.userId, { name: "  ", scope: "root" });
    expect(res.status).toBe(422);
    expect((res.body as ErrorAnswer).error.details?.fields.map((f) => f.field)).toEqual(["name", "scope"]);
    expect(await db().apiToken.count()).toBe(before);
  });

  it("needs a session or a token", async () => {
    const res = await create(acme.responder.userId, { name: "x", scope: "read" }, {});
    expect(res.status).toBe(401);
  });
});

describe("listing tokens", () => {
  it("shows people their own tokens, admins everyone's in the organisation only", async () => {
    await createOk(acme.commander.userId, "commander dashboard", "read");
    await createOk(globex.admin.userId, "globex ci", "admin");

    const mine = names((await list(await asUser(acme.commander.userId))).body);
    expect(mine).toEqual(["commander dashboard"]);

    const all = names((await list(await asUser(acme.admin.userId))).body);
    expect(all).toEqual(expect.arrayContaining(["commander dashboard", "payments health push"]));
    expect(all).not.toContain("globex ci");
  });
});

describe("using a token", () => {
  it("acts as its user and records when it was last used, at most once a minute", async () => {
    const { token, apiToken } = await createOk(acme.viewer.userId, "viewer export", "read");
    const first = await list(bearer(token));
    expect(first.status).toBe(200);
    expect(names(first.body)).toEqual(["viewer export"]);
    const used = await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(used.lastUsedAt).not.toBeNull();

    await list(bearer(token));
    const again = await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(again.lastUsedAt).toEqual(used.lastUsedAt);

    // A minute later the next use moves it.
    await db().apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await list(bearer(token));
    const later = await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(later.lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 5_000);
  });

  it("refuses malformed and unknown tokens with 401", async () => {
    for (const header of ["Bearer nope", "Basic dXNlcjpwYXNz", `Bearer wr_${"A".repeat(43)}`]) {
      const res = await list({ authorization: header });
      expect(res.status, header).toBe(401);
      expect((res.body as ErrorAnswer).error.code).toBe("unauthorized");
    }
  });

  it("answers 429 with Retry-After once a token has used its requests for the minute", async () => {
    const { token, apiToken } = await createOk(acme.commander.userId, "runaway script", "read");
    expect((await list(bearer(token))).status).toBe(200);
    // Fill this minute's (and, should the minute turn now, the next one's) bucket as if the token
    // had made its 600 requests already.
    const key = `token:${apiToken.id}`;
    for (const at of [Date.now(), Date.now() + 60_000]) {
      const windowStart = windowOf(at, 60_000).start;
      await db().rateLimitBucket.upsert({
        where: { key_windowStart: { key, windowStart } },
        create: { key, windowStart, count: 600 },
        update: { count: 600 },
      });
    }
    const res = await list(bearer(token));
    expect(res.status).toBe(429);
    expect((res.body as ErrorAnswer).error.code).toBe("rate_limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    // Other tokens are not affected.
    const other = await createOk(acme.commander.userId, "polite script", "read");
    expect((await list(bearer(other.token))).status).toBe(200);
  });

  it("limits a read token to GET", async () => {
    const { token } = await createOk(acme.responder.userId, "read only", "read");
    const res = await create(acme.responder.userId, { name: "minted", scope: "read" }, bearer(token));
    expect(res.status).toBe(403);
    expect(await db().apiToken.count({ where: { name: "minted" } })).toBe(0);
  });

  it("keeps a write token of an admin away from admin actions", async () => {
    const { token } = await createOk(acme.admin.userId, "admin write", "write");
    // Acting as a commander: only its own tokens, not the organisation's.
    expect(names((await list(bearer(token))).body)).toEqual(["admin write"]);
    const someoneElses = (await createOk(acme.responder.userId, "responder script", "write")).apiToken;
    expect((await revoke(someoneElses.id, bearer(token))).status).toBe(404);
    // And it cannot mint a broader token for itself.
    expect((await create(acme.admin.userId, { name: "escalated", scope: "admin" }, bearer(token))).status).toBe(403);
    expect((await create(acme.admin.userId, { name: "sibling", scope: "write" }, bearer(token))).status).toBe(201);
  });

  it("gives an admin token of an admin everything the admin may do", async () => {
    const { token } = await createOk(acme.admin.userId, "admin automation", "admin");
    expect(names((await list(bearer(token))).body)).toEqual(expect.arrayContaining(["commander dashboard", "admin automation"]));
  });
});

describe("revoking a token", () => {
  it("stops it working at once, and revoking again changes nothing", async () => {
    const { token, apiToken } = await createOk(acme.responder.userId, "to revoke", "write");
    const res = await revoke(apiToken.id, await asUser(acme.responder.userId));
    expect(res.status).toBe(200);
    expect((res.body as ApiTokenDto).revokedAt).not.toBeNull();

    const refused = await list(bearer(token));
    expect(refused.status).toBe(401);
    expect((refused.body as ErrorAnswer).error.message).toMatch(/revoked/);

    const again = await revoke(apiToken.id, await asUser(acme.responder.userId));
    expect((again.body as ApiTokenDto).revokedAt).toBe((res.body as ApiTokenDto).revokedAt);
    expect(await db().auditLog.count({ where: { entityId: apiToken.id, action: "api_token.revoke" } })).toBe(1);
    // Still listed, marked revoked, so people can see what stopped working.
    const listed = (await list(await asUser(acme.responder.userId))).body as { tokens: ApiTokenDto[] };
    expect(listed.tokens.find((t) => t.id === apiToken.id)?.revokedAt).not.toBeNull();
  });

  it("is one's own business, or an admin's; other organisations cannot even see it", async () => {
    const { apiToken } = await createOk(acme.responder.userId, "guarded", "write");
    expect((await revoke(apiToken.id, await asUser(acme.commander.userId))).status).toBe(404);
    expect((await revoke(apiToken.id, await asUser(globex.admin.userId))).status).toBe(404);
    expect((await revoke("not-a-uuid", await asUser(acme.admin.userId))).status).toBe(404);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).revokedAt).toBeNull();

    const byAdmin = await revoke(apiToken.id, await asUser(acme.admin.userId));
    expect(byAdmin.status).toBe(200);
    expect((byAdmin.body as ApiTokenDto).revokedAt).not.toBeNull();
  });

  it("dies with its user", async () => {
    const temp = await db().user.create({
      data: { organizationId: acme.id, role: "RESPONDER", name: "Temp", email: `temp-${Date.now()}@test.local` },
    });
    // Stored directly: a user with audit records cannot be deleted (the audit log is append-only).
    const { token, prefix, hash } = generateApiToken();
    await db().apiToken.create({
      data: { organizationId: acme.id, userId: temp.id, name: "temp token", scope: "write", prefix, tokenHash: hash },
    });
    expect((await list(bearer(token))).status).toBe(200);
    await db().user.delete({ where: { id: temp.id } });
    expect((await list(bearer(token))).status).toBe(401);
  });
});
