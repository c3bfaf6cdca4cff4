import type { ApiOperation } from "../types.ts";

export const SYSTEM_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/health",
    operationId: "getHealth",
    tag: "System",
    summary: "Liveness and database check",
    auth: "public",
    responses: {
      200: {
        description: "The app answers and the database is reachable.",
        schema: {
          type: "object",
          properties: { status: { const: "ok" }, database: { type: "string", enum: ["pglite", "postgres"] } },
          required: ["status", "database"],
        },
      },
      503: { description: "The database is unreachable.", schema: { $ref: "#/components/schemas/Error" } },
    },
  },
  {
    method: "GET",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "System",
    summary: "This OpenAPI 3.1 document",
    description: "Generated from the same zod schemas the API validates with. Cached for 5 minutes.",
    auth: "public",
    responses: { 200: { description: "The OpenAPI 3.1.0 document.", schema: { type: "object" } } },
  },
];
