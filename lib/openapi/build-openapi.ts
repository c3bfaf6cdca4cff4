import packageJson from "../../package.json";
import { ZEventSeq } from "../timeline/schemas.ts";
import { jsonSchemaOf } from "./json-schema-of.ts";
import { API_OPERATIONS } from "./operations/index.ts";
import { ref, SHARED_SCHEMAS } from "./response-schemas.ts";
import { API_TAGS } from "./tags.ts";
import type { ApiOperation, JsonSchema, OpenApiDocument, OpenApiOperation, OpenApiParameter, OpenApiResponse } from "./types.ts";

const DESCRIPTION = `Warroom's REST API: the same domain functions the app uses, with the same validation and permissions.

**Authentication.** A browser session (the \`next-auth.session-token\` cookie, from next-auth's credentials sign-in) or an API token: \`Authorization: Bearer wr_…\`, created under Settings → API tokens. A token acts as its user narrowed by its scope: \`read\` makes only GET requests, \`write\` everything the user may except organisation administration, \`admin\` everything the user may. Writes with a cookie must come from Warroom's own origin. Alert-source webhooks use the integration's own secret. \`/api/health\` and this document are public.

**Errors** always have one shape, \`{ "error": { "code", "message", "details"? } }\`; a 422 lists the bad fields in \`details.fields\`. Another organisation's ids are a 404, never a 403.`;

/** Shared error answers: the code, its status, and when it happens. */
const ERROR_RESPONSES = {
  BadRequest: { status: 400, description: "`bad_request`: the body is not valid JSON." },
  Unauthorized: { status: 401, description: "`unauthorized`: no session or token, or a malformed, unknown or revoked token." },
  Forbidden: {
    status: 403,
    description:
      "`forbidden`: your role or your token's scope does not allow this, or a cookie-authenticated write came from another site.",
  },
  NotFound: { status: 404, description: "`not_found`: no such entity in your organisation." },
  PayloadTooLarge: { status: 413, description: "`payload_too_large`: the body is over the limit (1 MB unless said)." },
  ValidationFailed: { status: 422, description: "`validation_failed`: `details.fields` names each bad field and says why." },
  RateLimited: { status: 429, description: "`rate_limited`: too many requests; retry after `Retry-After` seconds." },
  Internal: { status: 500, description: "`internal`: logged with a request id (`x-request-id`); no stack trace." },
  Unavailable: { status: 503, description: "`unavailable`: the database is unreachable." },
} as const;
type ErrorResponseName = keyof typeof ERROR_RESPONSES;

const ERROR_CONTENT = { "application/json": { schema: ref("Error") } };

function errorComponents(): Record<string, OpenApiResponse> {
  return Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([name, { description }]) => [
      name,
      {
        description,
        content: ERROR_CONTENT,
        ...(name === "RateLimited" ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } } : {}),
      },
    ]),
  );
}

/** Path parameters by name: ids are uuids (anything else is a 404), `seq` a positive integer. */
function pathParamSchema(name: string): JsonSchema {
  if (name === "seq") return jsonSchemaOf(ZEventSeq);
  if (name === "id" || name.endsWith("Id")) return { type: "string", format: "uuid" };
  return { type: "string" };
}

export const pathParamsOf = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

function operationIdOf(op: ApiOperation): string {
  if (op.operationId) return op.operationId;
  const words = op.path
    .split("/")
    .filter((s) => s && s !== "api")
    .map((s) => (s.startsWith("{") ? `by-${s.slice(1, -1)}` : s))
    .join("-")
    .split(/[^A-Za-z0-9]+/);
  return [op.method.toLowerCase(), ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join("");
}

function parametersOf(op: ApiOperation): OpenApiParameter[] {
  const described = op.params ?? {};
  const inPath: OpenApiParameter[] = pathParamsOf(op.path).map((name) => ({
    name,
    in: "path",
    required: true,
    ...(described[name] ? { description: described[name] } : {}),
    schema: pathParamSchema(name),
  }));
  const inQuery: OpenApiParameter[] = [];
  if (op.query) {
    const schema = jsonSchemaOf(op.query);
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    if (schema.type !== "object" || !properties) throw new Error(`${op.method} ${op.path}: query must be a zod object`);
    const required = new Set((schema.required as string[] | undefined) ?? []);
    for (const [name, prop] of Object.entries(properties)) {
      const description = described[name] ?? (typeof prop.description === "string" ? prop.description : undefined);
      inQuery.push({ name, in: "query", required: required.has(name), ...(description ? { description } : {}), schema: prop });
    }
  }
  const known = new Set([...inPath, ...inQuery].map((p) => p.name));
  const stray = Object.keys(described).filter((name) => !known.has(name));
  if (stray.length)
    throw new Error(`${op.method} ${op.path}: params describes ${stray.join(", ")}, which is neither in the path nor the query`);
  return [...inPath, ...inQuery];
}

function requestBodyOf(op: ApiOperation): OpenApiOperation["requestBody"] {
  const body = op.body;
  if (!body) return undefined;
  if ("raw" in body) {
    return {
      required: true,
      ...(body.description ? { description: body.description } : {}),
      content: Object.fromEntries(body.contentTypes.map((type) => [type, { schema: body.schema }])),
    };
  }
  const schema = jsonSchemaOf(body.schema);
  if (body.properties) schema.properties = { ...(schema.properties as Record<string, JsonSchema>), ...body.properties };
  return { required: true, ...(body.description ? { description: body.description } : {}), content: { "application/json": { schema } } };
}

/** The error answers an operation can give, from how it authenticates and what it reads. */
function standardErrors(op: ApiOperation): ErrorResponseName[] {
  const names: ErrorResponseName[] = [];
  const hasJsonBody = op.body !== undefined && !("raw" in op.body);
  if (hasJsonBody) names.push("BadRequest");
  if (op.auth !== "public") names.push("Unauthorized");
  if (op.auth === "session-or-token") names.push("Forbidden");
  if (pathParamsOf(op.path).length) names.push("NotFound");
  if (op.body) names.push("PayloadTooLarge");
  if (op.body || op.query) names.push("ValidationFailed");
  if (op.auth !== "public") names.push("RateLimited");
  names.push("Internal");
  if (op.auth !== "public") names.push("Unavailable");
  return names;
}

function responsesOf(op: ApiOperation): OpenApiOperation["responses"] {
  const responses: OpenApiOperation["responses"] = {};
  for (const name of standardErrors(op)) responses[String(ERROR_RESPONSES[name].status)] = { $ref: `#/components/responses/${name}` };
  for (const [status, spec] of Object.entries(op.responses)) {
    const types = spec.contentTypes ?? ["application/json"];
    responses[status] = {
      description: spec.description,
      ...(spec.schema ? { content: Object.fromEntries(types.map((type) => [type, { schema: spec.schema }])) } : {}),
    };
  }
  // Successes first, then errors, each by status.
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b)));
}

function securityOf(op: ApiOperation): Record<string, string[]>[] {
  if (op.auth === "public") return [];
  if (op.auth === "webhook") return [{ webhookSecret: [] }];
  // OpenAPI 3.1 lets non-OAuth schemes list role names: here, the token scope it needs.
  return [{ sessionCookie: [] }, { apiToken: [scopeOf(op)] }];
}

export const scopeOf = (op: ApiOperation) => op.scope ?? (op.method === "GET" ? "read" : "write");

function toOperation(op: ApiOperation): OpenApiOperation {
  const parameters = parametersOf(op);
  const requestBody = requestBodyOf(op);
  return {
    operationId: operationIdOf(op),
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: securityOf(op),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: responsesOf(op),
    "x-warroom-auth": op.auth,
    ...(op.roles ? { "x-warroom-roles": op.roles } : {}),
    ...(op.rolesNote ? { "x-warroom-roles-note": op.rolesNote } : {}),
    ...(op.auth === "session-or-token" ? { "x-warroom-scope": scopeOf(op) } : {}),
  };
}

/** The OpenAPI 3.1 document of the given operations. Pure: the same input gives the same document. */
export function buildOpenApi(operations: readonly ApiOperation[], options: { version: string }): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const op of operations) {
    const item = (paths[op.path] ??= {});
    const method = op.method.toLowerCase() as Lowercase<ApiOperation["method"]>;
    if (item[method]) throw new Error(`${op.method} ${op.path} is listed twice`);
    item[method] = toOperation(op);
  }
  return {
    openapi: "3.1.0",
    info: { title: "Warroom API", version: options.version, description: DESCRIPTION },
    servers: [{ url: "/", description: "This Warroom server" }],
    tags: API_TAGS.map((t) => ({ name: t.name, description: t.description })),
    paths,
    components: {
      schemas: { ...SHARED_SCHEMAS },
      responses: errorComponents(),
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The browser session after signing in (`__Secure-next-auth.session-token` over https).",
        },
        apiToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "wr_…",
          description: "An API token from Settings → API tokens. The requirement lists the narrowest scope that may call the operation.",
        },
        webhookSecret: {
          type: "apiKey",
          in: "header",
          name: "X-Warroom-Secret",
          description:
            "The integration's secret. Alertmanager and Grafana send it as `Authorization: Bearer <secret>`, PagerDuty signs the body (`X-PagerDuty-Signature`), Pingdom puts it in `?secret=`.",
        },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document of this API, built once per process (the operations do not change at run time). */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApi(API_OPERATIONS, { version: packageJson.version });
  return cached;
}
