import { readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { ERROR_STATUS } from "../../lib/errors/app-error.ts";
import { SEVERITIES } from "../../lib/vocabulary/incidents.ts";
import { ZDeclareIncident } from "../../lib/incident-record/schemas.ts";
import { buildOpenApi, openApiDocument } from "../../lib/openapi/build-openapi.ts";
import { jsonSchemaOf, UNREPRESENTABLE } from "../../lib/openapi/json-schema-of.ts";
import { API_OPERATIONS } from "../../lib/openapi/operations/index.ts";
import { USER_SEARCH_DEFAULT, USER_SEARCH_MAX } from "../../lib/users/search-members.ts";
import type { JsonSchema } from "../../lib/openapi/types.ts";
import { findRouteFiles, HTTP_METHODS, NOT_API_OPERATIONS, openApiPath, routePathOf } from "../helpers/route-matrix.ts";

const APP_DIR = path.resolve(import.meta.dirname, "../../app");

/**
 * The HTTP methods a route file exports, read from its text: importing route modules would pull
 * in the database and next-auth. Covers `export const GET =`, `export async function GET`, and
 * `export { handler as GET }`.
 */
function exportedMethods(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|var|(?:async\s+)?function)\s+([A-Z]+)\b/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const exported = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (exported) names.add(exported);
    }
  }
  return HTTP_METHODS.filter((method) => names.has(method));
}

function routesInTree(): { keys: string[]; excluded: string[] } {
  const keys: string[] = [];
  const excluded: string[] = [];
  for (const file of findRouteFiles(path.join(APP_DIR, "api"))) {
    const routePath = routePathOf(APP_DIR, file);
    const methods = exportedMethods(readFileSync(file, "utf8"));
    if (methods.length === 0) throw new Error(`${file}: no exported HTTP method found; teach exportedMethods its export form`);
    if (routePath in NOT_API_OPERATIONS) excluded.push(routePath);
    else keys.push(...methods.map((m) => `${m} ${openApiPath(routePath)}`));
  }
  return { keys: keys.sort(), excluded };
}

describe("every route has exactly one operation", () => {
  it("reads exports in each form route files use", () => {
    expect(exportedMethods("export const GET = authedRoute(async () => x);")).toEqual(["GET"]);
    expect(exportedMethods("export async function DELETE(req) {}")).toEqual(["DELETE"]);
    expect(exportedMethods("export { notFound as GET, notFound as POST };\nexport const dynamic = 'force-dynamic';")).toEqual([
      "GET",
      "POST",
    ]);
  });

  it("finds every route × method under app/api in the registry, and nothing else", () => {
    const { keys: tree, excluded } = routesInTree();
    expect(excluded.sort()).toEqual(Object.keys(NOT_API_OPERATIONS).sort());
    expect(tree.length).toBeGreaterThan(40);
    const registered = API_OPERATIONS.map((op) => `${op.method} ${op.path}`);
    const duplicates = registered.filter((key, i) => registered.indexOf(key) !== i);
    expect(duplicates, "operations listed twice").toEqual([]);
    const missing = tree.filter((key) => !registered.includes(key));
    const stale = registered.filter((key) => !tree.includes(key));
    expect(missing, "routes without an operation: add them to lib/openapi/operations/").toEqual([]);
    expect(stale, "operations naming a route that does not exist").toEqual([]);
  });
});

/** Every `$ref` in the document, with where it was found. */
function refsOf(node: unknown, at = "#"): { ref: string; at: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => refsOf(item, `${at}/${i}`));
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === "$ref" && typeof value === "string" ? [{ ref: value, at }] : refsOf(value, `${at}/${key}`),
  );
}

function resolvePointer(document: unknown, pointer: string): unknown {
  if (!pointer.startsWith("#/")) return undefined;
  return pointer
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>(
      (node, part) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
      document,
    );
}

describe("the document is valid OpenAPI 3.1", () => {
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item).map(([method, op]) => ({ path: p, method, op: op! })),
  );

  it("passes the OpenAPI 3.1 JSON schema (@seriousme/openapi-schema-validator)", async () => {
    const result = await new Validator().validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("resolves every $ref inside the document", () => {
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(50);
    expect(refs.filter(({ ref }) => resolvePointer(doc, ref) === undefined)).toEqual([]);
  });

  it("declares every path parameter and no other", () => {
    for (const { path: p, method, op } of operations) {
      const inTemplate = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = (op.parameters ?? []).filter((param) => param.in === "path");
      expect(declared.map((param) => param.name).sort(), `${method} ${p}`).toEqual(inTemplate);
      expect(declared.every((param) => param.required)).toBe(true);
    }
  });

  it("gives every operation a unique operationId, a declared tag and a success answer", () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const tags = new Set(doc.tags.map((t) => t.name));
    for (const { path: p, method, op } of operations) {
      expect(
        op.tags.every((t) => tags.has(t)),
        `${method} ${p} tag`,
      ).toBe(true);
      expect(
        Object.keys(op.responses).some((status) => status.startsWith("2")),
        `${method} ${p} 2xx`,
      ).toBe(true);
    }
  });

  it("has nothing zod could not express", () => {
    expect(JSON.stringify(doc)).not.toContain(UNREPRESENTABLE);
  });

  it("takes the version from package.json and refuses an operation listed twice", () => {
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as { version: string };
    expect(doc.info.version).toBe(pkg.version);
    const op = API_OPERATIONS[0]!;
    expect(() => buildOpenApi([op, op], { version: "1" })).toThrow(/listed twice/);
  });
});

describe("schemas come from the zod schemas the API parses", () => {
  const doc = openApiDocument();

  it("POST /api/incidents requires title and severity, with the SEV enum and ZDeclareIncident's limits", () => {
    const schema = doc.paths["/api/incidents"]?.post?.requestBody?.content["application/json"]?.schema as JsonSchema;
    expect(schema.required).toEqual(["title", "severity"]);
    const properties = schema.properties as Record<string, JsonSchema>;
    expect(properties.severity?.enum).toEqual([...SEVERITIES]);
    expect(properties.title).toMatchObject({ type: "string", minLength: 3, maxLength: 200 });
    expect(schema).toEqual(jsonSchemaOf(ZDeclareIncident));
  });

  it("gives errors one shape whose codes are AppError's", () => {
    const error = doc.components.schemas.Error as { properties: { error: { properties: { code: { enum: string[] } } } } };
    expect(error.properties.error.properties.code.enum).toEqual(Object.keys(ERROR_STATUS));
    expect(doc.components.responses.ValidationFailed?.content?.["application/json"]?.schema).toEqual({
      $ref: "#/components/schemas/Error",
    });
  });

  it("documents the people search's query parameters from the schema the route parses (#17)", () => {
    const params = doc.paths["/api/users"]?.get?.parameters ?? [];
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(["assignable", "limit", "q"]);
    expect(byName.limit?.required).toBe(false);
    expect(byName.limit?.schema).toMatchObject({ minimum: 1, maximum: USER_SEARCH_MAX, default: USER_SEARCH_DEFAULT });
    expect(byName.assignable?.schema).toMatchObject({ enum: ["true", "false"] });
    expect(byName.q?.description).toContain("name or email");
  });

  it("documents the token scope and roles of each operation", () => {
    const listAudit = doc.paths["/api/audit"]?.get;
    expect(listAudit?.security).toEqual([{ sessionCookie: [] }, { apiToken: ["admin"] }]);
    expect(listAudit?.["x-warroom-roles"]).toEqual(["ADMIN"]);
    expect(doc.paths["/api/incidents/{id}/events"]?.post?.security).toEqual([{ sessionCookie: [] }, { apiToken: ["write"] }]);
    expect(doc.paths["/api/health"]?.get?.security).toEqual([]);
    expect(doc.paths["/api/webhooks/{integrationId}"]?.post?.security).toEqual([{ webhookSecret: [] }]);
  });
});
