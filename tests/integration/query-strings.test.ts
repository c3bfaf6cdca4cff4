// Issue #20: the routes that read query strings parse them with zod (the schema the OpenAPI
// document shows), so any query a client can send is a 2xx or a 422 naming the parameter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "../../app/api/catalog/export/route.ts";
import * as importRoute from "../../app/api/catalog/import/route.ts";
import * as incidentsRoute from "../../app/api/incidents/route.ts";
import { callRoute, type RouteAnswer } from "../helpers/call-route.ts";
import { seedOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let cookie = "";
beforeAll(async () => {
  testDb = await createTestDatabase();
  const org = await seedOrganization("Acme Queries");
  cookie = await sessionCookie(org.admin.userId);
});
afterAll(() => testDb.close());

const fieldsOf = (answer: RouteAnswer) =>
  (answer.body as { error?: { details?: { fields?: { field: string; message: string }[] } } }).error?.details?.fields ?? [];
const get = (handler: typeof exportRoute.GET, path: string) => callRoute(handler, { path, headers: { cookie } });
const importFile = (query: string) =>
  callRoute(importRoute.POST, {
    method: "POST",
    path: `/api/catalog/import?${query}`,
    headers: { cookie, "content-type": "application/yaml" },
    body: "version: 1\nteams: []\n",
  });

describe("query strings are parsed by zod, naming the parameter", () => {
  it("GET /api/incidents: drills=include works; an over-long value is a 422 naming drills, not an unnamed one", async () => {
    expect((await get(incidentsRoute.GET, "/api/incidents?drills=include&unknown=1")).status).toBe(200);
    const bad = await get(incidentsRoute.GET, `/api/incidents?drills=${"x".repeat(21)}`);
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad).map((f) => f.field)).toEqual(["drills"]);
  });

  it("GET /api/catalog/export: json by default, yaml on request, anything else a 422 naming format", async () => {
    expect((await get(exportRoute.GET, "/api/catalog/export")).headers.get("content-type")).toContain("json");
    expect((await get(exportRoute.GET, "/api/catalog/export?format=yaml")).headers.get("content-type")).toContain("yaml");
    for (const query of ["format=xml", "format=", "format=json&format=csv"]) {
      const bad = await get(exportRoute.GET, `/api/catalog/export?${query}`);
      expect(bad.status, query).toBe(422);
      expect(fieldsOf(bad), query).toEqual([{ field: "format", message: "must be json or yaml" }]);
    }
  });

  it("POST /api/catalog/import: each bad parameter is a 422 naming it, before the file is read", async () => {
    const dry = await importFile("dryRun=true&mode=add-update&format=warroom");
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, mode: "add-update" });
    for (const [query, field] of [
      ["format=csv", "format"],
      ["dryRun=yes", "dryRun"],
      ["mode=replace", "mode"],
    ] as const) {
      const bad = await importFile(query);
      expect(bad.status, query).toBe(422);
      expect(
        fieldsOf(bad).map((f) => f.field),
        query,
      ).toEqual([field]);
    }
  });
});
