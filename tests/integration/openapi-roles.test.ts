import { describe, expect, it } from "vitest";
import type { RoleName } from "../../lib/auth/permissions.ts";
import { openApiDocument } from "../../lib/openapi/build-openapi.ts";
import { NOT_API_OPERATIONS, openApiPath } from "../helpers/route-matrix.ts";
import { AUTHORIZATION_MATRIX } from "./authorization-matrix.spec-table.ts";

// The document's `x-warroom-roles` is what API clients read to know who may call an operation;
// the authorization matrix is what the real handlers are tested against. They must say the same,
// for every operation: a role added to a route (or taken away) shows up here until the document
// follows. No database: this compares two tables.

const ROLE_ORDER: readonly RoleName[] = ["ADMIN", "COMMANDER", "RESPONDER", "VIEWER"];

/** Who the matrix lets call a route at all: "public", or every role some case allows, in order. */
function matrixWho(key: string): "public" | RoleName[] {
  const cases = AUTHORIZATION_MATRIX[key] ?? [];
  if (cases.length > 0 && cases.every((c) => c.allow === "public")) return "public";
  if (cases.some((c) => c.allow === "public")) throw new Error(`${key}: public in one case and role-gated in another`);
  const allowed = new Set(cases.flatMap((c) => (c.allow === "public" ? [] : c.allow)));
  return ROLE_ORDER.filter((role) => allowed.has(role));
}

/** Who the document says may call an operation: "public" when no session is asked for (webhooks use their own secret). */
function documentedWho(op: { "x-warroom-auth": string; "x-warroom-roles"?: readonly RoleName[] }): "public" | RoleName[] | "roles missing" {
  if (op["x-warroom-auth"] !== "session-or-token") return op["x-warroom-roles"] ? [...op["x-warroom-roles"]] : "public";
  return op["x-warroom-roles"] ? ROLE_ORDER.filter((role) => op["x-warroom-roles"]!.includes(role)) : "roles missing";
}

const doc = openApiDocument();
const documented = Object.entries(doc.paths).flatMap(([p, item]) =>
  Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${p}`, op: op! })),
);

/** Matrix keys ("PATCH /api/incidents/[id]") as the document writes them ("PATCH /api/incidents/{id}"). */
const matrixKeys = Object.keys(AUTHORIZATION_MATRIX)
  .map((key) => {
    const [method, routePath] = key.split(" ") as [string, string];
    return { key, routePath, documentedAs: `${method} ${openApiPath(routePath)}` };
  })
  .filter(({ routePath }) => !(routePath in NOT_API_OPERATIONS));

describe("the OpenAPI document's roles are the authorization matrix's", () => {
  it("documents every route of the matrix (public ones too) and nothing the matrix does not list", () => {
    const inDocument = new Set(documented.map((d) => d.key));
    const inMatrix = new Set(matrixKeys.map((m) => m.documentedAs));
    expect(matrixKeys.length).toBeGreaterThan(40);
    expect(
      matrixKeys.filter((m) => !inDocument.has(m.documentedAs)).map((m) => m.key),
      "in the matrix, not in the document",
    ).toEqual([]);
    expect(
      documented.filter((d) => !inMatrix.has(d.key)).map((d) => d.key),
      "in the document, not in the matrix",
    ).toEqual([]);
  });

  it("gives every operation the roles the matrix allows", () => {
    const byKey = new Map(documented.map((d) => [d.key, d.op]));
    const drift = matrixKeys.flatMap(({ key, documentedAs }) => {
      const op = byKey.get(documentedAs);
      if (!op) return [];
      const [expected, actual] = [matrixWho(key), documentedWho(op)];
      return JSON.stringify(expected) === JSON.stringify(actual)
        ? []
        : [`${documentedAs}: the matrix allows ${JSON.stringify(expected)}, the document says ${JSON.stringify(actual)}`];
    });
    expect(drift).toEqual([]);
  });

  it("can fail: a role the matrix does not allow is drift", () => {
    expect(matrixWho("GET /api/audit")).toEqual(["ADMIN"]);
    expect(documentedWho({ "x-warroom-auth": "session-or-token", "x-warroom-roles": ["ADMIN", "VIEWER"] })).not.toEqual(
      matrixWho("GET /api/audit"),
    );
    expect(documentedWho({ "x-warroom-auth": "session-or-token" })).toBe("roles missing");
    expect(matrixWho("POST /api/webhooks/[integrationId]")).toBe("public");
  });
});
