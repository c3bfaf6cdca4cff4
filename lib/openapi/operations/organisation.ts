import { z } from "zod";
import { ZCreateApiToken } from "../../auth/api-token-schemas.ts";
import { ZAuditQuery } from "../../audit-log/list-audit.ts";
import { USER_SEARCH_DEFAULT, USER_SEARCH_MAX, ZUserSearch } from "../../users/search-members.ts";
import type { ApiOperation } from "../types.ts";
import { ADMINS, EVERYONE } from "./roles.ts";

const apiToken =
  "`ApiToken`: `id, name, scope, prefix, owner {id,name}, createdAt, lastUsedAt` (updated at most once a minute), `revokedAt`.";
const object = { type: "object" };
// The route reads `format` itself and pages through listAudit for a download.
const ZAuditExportQuery = ZAuditQuery.extend({ format: z.enum(["csv", "json"]).optional() });

export const ORGANISATION_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/tokens",
    operationId: "listApiTokens",
    tag: "API tokens",
    summary: "List API tokens",
    description: "Your own; an ADMIN sees the organisation's.",
    auth: "session-or-token",
    roles: EVERYONE,
    responses: { 200: { description: `\`{ tokens: [ApiToken] }\`, newest first. ${apiToken}`, schema: object } },
  },
  {
    method: "POST",
    path: "/api/tokens",
    operationId: "createApiToken",
    tag: "API tokens",
    summary: "Create an API token",
    description:
      "`read` makes only GET requests, `write` everything your role may except organisation administration, `admin` everything your role may. A token cannot create a broader one (403). Only a hash is stored.",
    auth: "session-or-token",
    roles: EVERYONE,
    body: { schema: ZCreateApiToken },
    responses: { 201: { description: `\`{ token: "wr_…", apiToken }\`: the only time the token is shown. ${apiToken}`, schema: object } },
  },
  {
    method: "DELETE",
    path: "/api/tokens/{id}",
    operationId: "revokeApiToken",
    tag: "API tokens",
    summary: "Revoke an API token",
    auth: "session-or-token",
    roles: EVERYONE,
    rolesNote: "its owner, or an ADMIN for anyone's",
    params: { id: "The token's id (not the token)." },
    responses: { 200: { description: `The token with \`revokedAt\` set; revoking twice is harmless. ${apiToken}`, schema: object } },
  },
  {
    method: "GET",
    path: "/api/users",
    operationId: "listUsers",
    tag: "Organisation",
    summary: "Members of your organisation",
    auth: "session-or-token",
    roles: EVERYONE,
    description:
      "Active and invited people (an invited person can be named on teams before they join); deactivated people are left out. With `q`, `limit` or `assignable` it is a search for a picker: at most `limit` people (20 unless given) whose name or email contains `q` in any case, by name, and `hasMore` says there were more; without them, everyone.",
    params: {
      q: "Text the name or email contains, in any case (at most 100 characters).",
      limit: `How many people at most, 1–${USER_SEARCH_MAX}; ${USER_SEARCH_DEFAULT} by default.`,
      assignable: "`true`: only people whose role may take an incident role or respond (not VIEWER).",
    },
    query: ZUserSearch,
    responses: {
      200: {
        description: "`{ users: [{ id, name, email, role, status }] }`, with `hasMore` when searching; `status` is `active` or `invited`.",
        schema: object,
      },
    },
  },
  {
    method: "GET",
    path: "/api/audit",
    operationId: "listAudit",
    tag: "Organisation",
    summary: "The audit log, newest first",
    description:
      "`action=incident` matches the family, `incident.update` the one action. Page with `before` (an entry id). With `format` every match is downloaded (CSV cells a spreadsheet would run as formulas are prefixed with `'`).",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: { before: "The last entry id of the previous page.", limit: "Page size, 1–500.", format: "Download every match as a file." },
    query: ZAuditExportQuery,
    responses: {
      200: {
        description: "`{ entries: [{ id, at, actor, action, entityType, entityId, before, after }], hasMore }`; with `format`, a file.",
        contentTypes: ["application/json", "text/csv"],
        schema: object,
      },
    },
  },
];
