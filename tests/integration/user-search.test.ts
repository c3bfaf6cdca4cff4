// Issue #17: a room's role pickers search the organisation's people on the server instead of
// receiving all of them in the page. GET /api/users?q=&limit=&assignable= is that search.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as usersRoute from "../../app/api/users/route.ts";
import { db } from "../../lib/db/client.ts";
import { USER_SEARCH_DEFAULT, USER_SEARCH_MAX } from "../../lib/users/search-members.ts";
import { callRoute, type RouteAnswer } from "../helpers/call-route.ts";
import { seedOrganization, seedPeople, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

type Found = { users: { id: string; name: string; email: string; role: string; status: string }[]; hasMore: boolean };

let testDb: TestDatabase;
let acme: SeededOrganization;
let globex: SeededOrganization;
let cookie = "";
const PEOPLE = 105;

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme Search");
  globex = await seedOrganization("Globex Search");
  cookie = await sessionCookie(acme.viewer.userId);
  await seedPeople(acme.id, PEOPLE, "Crowd");
  // Globex has people whose names match every query below: none may ever be returned to Acme.
  await seedPeople(globex.id, 5, "Crowd");
  await db().user.create({ data: { organizationId: globex.id, role: "RESPONDER", name: "Zed Ramos", email: "zed.ramos@globex.test" } });
  await db().user.createMany({
    data: [
      { organizationId: acme.id, role: "RESPONDER", name: "Zed Ramirez", email: "zr@acme.test" },
      { organizationId: acme.id, role: "VIEWER", name: "Zed Quiet", email: "zq@acme.test" },
      { organizationId: acme.id, role: "RESPONDER", name: "Zed Gone", email: "zg@acme.test", deactivatedAt: new Date() },
      { organizationId: acme.id, role: "COMMANDER", name: "Pat Invited", email: "ZED.INVITED@acme.test", pendingInvite: true },
      { organizationId: acme.id, role: "RESPONDER", name: "Load 50% test", email: "fifty@acme.test" },
    ],
  });
});
afterAll(() => testDb.close());

const get = (query: string) => callRoute(usersRoute.GET, { path: `/api/users?${query}`, headers: { cookie } });
const found = async (query: string) => {
  const answer = await get(query);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as Found;
};
const names = (f: Found) => f.users.map((u) => u.name);
const fieldsOf = (answer: RouteAnswer) =>
  (answer.body as { error?: { details?: { fields?: { field: string }[] } } }).error?.details?.fields?.map((f) => f.field);

describe("GET /api/users searches the organisation's people", () => {
  it("matches name or email in any case, by name, never another organisation's or a deactivated person", async () => {
    expect(names(await found("q=zed"))).toEqual(["Pat Invited", "Zed Quiet", "Zed Ramirez"]);
    expect(names(await found("q=%20ZED%20R"))).toEqual(["Zed Ramirez"]);
    expect((await found("q=zed")).users.find((u) => u.name === "Pat Invited")?.status).toBe("invited");
    expect(names(await found("q=zg%40acme"))).toEqual([]);
    expect(names(await found("q=globex"))).toEqual([]);
    const crowd = await found(`q=crowd&limit=${USER_SEARCH_MAX}`);
    expect(crowd.users.every((u) => u.email.endsWith("@test.local") && u.name.startsWith("Crowd"))).toBe(true);
    const globexIds = new Set((await db().user.findMany({ where: { organizationId: globex.id }, select: { id: true } })).map((u) => u.id));
    expect(crowd.users.some((u) => globexIds.has(u.id))).toBe(false);
  });

  it("takes what is typed literally: % and _ are not wildcards", async () => {
    expect(names(await found("q=50%25"))).toEqual(["Load 50% test"]);
    expect(names(await found("q=%25"))).toEqual(["Load 50% test"]);
    expect(names(await found("q=_"))).toEqual([]);
  });

  it("assignable=true leaves out the people who may not take an incident role (viewers)", async () => {
    expect(names(await found("q=zed&assignable=true"))).toEqual(["Pat Invited", "Zed Ramirez"]);
    const crowd = await found(`q=crowd&assignable=true&limit=${USER_SEARCH_MAX}`);
    expect(crowd.users.length).toBeGreaterThan(0);
    expect(crowd.users.every((u) => u.role !== "VIEWER")).toBe(true);
  });

  it("sends at most `limit` people, 20 by default, saying when there were more", async () => {
    const first = await found("q=crowd");
    expect(first.users).toHaveLength(USER_SEARCH_DEFAULT);
    expect(first.hasMore).toBe(true);
    expect(names(first)).toEqual([...names(first)].sort());
    expect(names(first)[0]).toBe("Crowd 000");
    const five = await found("q=crowd&limit=5");
    expect(names(five)).toEqual(["Crowd 000", "Crowd 001", "Crowd 002", "Crowd 003", "Crowd 004"]);
    const all = await found(`q=crowd&limit=${USER_SEARCH_MAX}`);
    expect(all.users).toHaveLength(USER_SEARCH_MAX);
    expect(all.hasMore).toBe(true);
    const few = await found("q=zed&limit=3");
    expect(few.hasMore).toBe(false);
    // An empty q is everyone, still capped.
    expect((await found("q=")).users).toHaveLength(USER_SEARCH_DEFAULT);
  });

  it("a bad limit, q or assignable is a 422 naming the parameter", async () => {
    for (const [query, field] of [
      ["limit=0", "limit"],
      [`limit=${USER_SEARCH_MAX + 1}`, "limit"],
      ["limit=2.5", "limit"],
      ["limit=ten", "limit"],
      ["limit=-1", "limit"],
      [`q=${"x".repeat(101)}`, "q"],
      ["assignable=yes", "assignable"],
    ] as const) {
      const bad = await get(query);
      expect(bad.status, query).toBe(422);
      expect(fieldsOf(bad), query).toEqual([field]);
    }
  });

  it("without q, limit or assignable, it is the whole organisation as before", async () => {
    const answer = await get("");
    expect(answer.status).toBe(200);
    const body = answer.body as { users: { name: string }[]; hasMore?: boolean };
    expect(body.users).toHaveLength(4 + PEOPLE + 4);
    expect(body.hasMore).toBeUndefined();
  });
});
