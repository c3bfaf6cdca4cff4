import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { coverageProblems, fillRoutePath, findRouteFiles, methodsOf, paramNamesOf, routePathOf } from "../helpers/route-matrix.ts";

// The authorization matrix is only as good as its route discovery: these pin down that a new
// route file is found and that a gap between the tree and the table is reported.

const root = mkdtempSync(path.join(tmpdir(), "warroom-routes-"));
const app = path.join(root, "app");
const api = path.join(app, "api");
afterAll(() => rmSync(root, { recursive: true, force: true }));

function touch(relative: string): string {
  const file = path.join(app, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, "export {};\n");
  return file;
}

describe("finding API routes", () => {
  it("finds every route file, however deep, and nothing else", () => {
    const files = [
      touch("api/health/route.ts"),
      touch("api/incidents/[id]/events/[seq]/route.ts"),
      touch("api/webhooks/[source]/route.ts"),
      touch("api/[...path]/route.ts"),
      touch("(ops)/metrics/route.ts"),
    ];
    touch("api/incidents/[id]/events/schema.ts");
    touch("(app)/incidents/page.tsx");
    expect(findRouteFiles(app)).toEqual([...files].sort());
  });

  it("names a route by its URL path, dynamic segments kept and route groups dropped", () => {
    expect(routePathOf(app, path.join(api, "incidents/[id]/events/[seq]/route.ts"))).toBe("/api/incidents/[id]/events/[seq]");
    expect(routePathOf(app, path.join(app, "(ops)/metrics/route.ts"))).toBe("/metrics");
    expect(routePathOf(app, path.join(api, "route.ts"))).toBe("/api");
  });

  it("reads the HTTP methods a module exports, ignoring other exports", () => {
    const handler = async () => new Response();
    expect(Object.keys(methodsOf({ GET: handler, POST: handler, dynamic: "force-dynamic", helper: handler }))).toEqual(["GET", "POST"]);
  });

  it("fills dynamic segments, catch-alls included", () => {
    expect(paramNamesOf("/api/incidents/[id]/responders/[userId]")).toEqual(["id", "userId"]);
    expect(paramNamesOf("/api/[...path]")).toEqual(["path"]);
    expect(fillRoutePath("/api/incidents/[id]/events/[seq]", { id: "abc", seq: "7" })).toBe("/api/incidents/abc/events/7");
    expect(fillRoutePath("/api/[...path]", { path: ["a", "b c"] })).toBe("/api/a/b%20c");
    expect(() => fillRoutePath("/api/teams/[id]", {})).toThrow("[id]");
  });
});

describe("comparing the tree with the table", () => {
  it("reports a route nobody specified and a specified route that is gone", () => {
    const problems = coverageProblems(["GET /api/teams", "POST /api/webhooks/[source]"], ["GET /api/teams", "DELETE /api/teams"]);
    expect(problems).toEqual([
      "DELETE /api/teams is in the authorization matrix but no route answers it",
      "POST /api/webhooks/[source] exists but the authorization matrix does not say who may call it",
    ]);
  });

  it("is satisfied when both say the same", () => {
    expect(coverageProblems(["GET /api/health"], ["GET /api/health"])).toEqual([]);
  });
});
