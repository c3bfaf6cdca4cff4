import type { z } from "zod";
import type { RoleName } from "../auth/permissions.ts";
import type { ApiTokenScopeName } from "../auth/api-token-schemas.ts";
import type { TagName } from "./tags.ts";

// Client-safe shapes: the registry of operations (what a route file answers, written next to the
// zod schemas its domain function parses) and the OpenAPI 3.1 document built from it.

/** A JSON Schema (2020-12) object, as OpenAPI 3.1 embeds it. */
export type JsonSchema = { [key: string]: unknown };

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * How a caller proves who they are: a session cookie or `Bearer wr_…` token (`authedRoute`),
 * nobody (`publicRoute`), or an alert source's own secret (webhooks).
 */
export type AuthKind = "session-or-token" | "public" | "webhook";

export interface ApiResponseSpec {
  description: string;
  /** A hand-written schema or a `$ref` to a shared one (see response-schemas.ts). */
  schema?: JsonSchema;
  /** Defaults to application/json. */
  contentTypes?: readonly string[];
}

export interface ApiRequestBody {
  /** The zod schema the domain function parses: the document is generated from it, never copied. */
  schema: z.ZodType;
  /** Replaces properties zod cannot describe well (a field whose shape depends on another). */
  properties?: Record<string, JsonSchema>;
  description?: string;
}

/** A body that is not JSON parsed by zod: a file, a source's native payload. */
export interface ApiRawBody {
  raw: true;
  contentTypes: readonly string[];
  schema: JsonSchema;
  description?: string;
}

export interface ApiOperation {
  method: HttpMethod;
  /** OpenAPI form: "/api/incidents/{id}". */
  path: string;
  /** Stable name for generated clients; derived from method and path when left out. */
  operationId?: string;
  tag: TagName;
  summary: string;
  description?: string;
  auth: AuthKind;
  /** The narrowest token scope that may call it; GET defaults to read, other methods to write. */
  scope?: ApiTokenScopeName;
  /** The roles that may call it at all (README "who"); left out for public routes. */
  roles?: readonly RoleName[];
  /** When the roles alone do not say it, e.g. "others' entries: commander-level". */
  rolesNote?: string;
  /** Descriptions of path and query parameters by name. */
  params?: Record<string, string>;
  /** A zod object whose fields are the query parameters. */
  query?: z.ZodType;
  body?: ApiRequestBody | ApiRawBody;
  /** Success answers (and notable error answers with an operation-specific meaning, e.g. 409). */
  responses: Record<number, ApiResponseSpec>;
}

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema?: JsonSchema }>;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
}

export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security: Record<string, string[]>[];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; description?: string; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, OpenApiResponse | { $ref: string }>;
  "x-warroom-auth": AuthKind;
  "x-warroom-roles"?: readonly RoleName[];
  "x-warroom-roles-note"?: string;
  "x-warroom-scope"?: ApiTokenScopeName;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<Lowercase<HttpMethod>, OpenApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, OpenApiResponse>;
    securitySchemes: Record<string, JsonSchema>;
  };
}
