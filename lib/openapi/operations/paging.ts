import { ZPageTeam, ZPagingSettings, ZSetPagingRoute } from "../../paging/schemas.ts";
import type { ApiOperation } from "../types.ts";
import { COMMANDERS, EVERYONE, WRITERS, ADMINS } from "./roles.ts";

const object = { type: "object" };
const route =
  "`PagingRoute`: `id, teamId, kind` (pagerduty | opsgenie | webhook), `hasKey, urlPreview` (webhook only), `responders [{ type, name }]` (Opsgenie), `escalateAfterMinutes | null, escalation` (repeat | next_contact | team), `escalationTeam { id, name } | null, isEnabled, updatedAt`. Never the key.";
const page =
  "`Page`: `id, incidentId, team { id, name }, kind, dedupKey, status` (triggered | acknowledged | resolved | failed), `reason, pagedAt, pagedBy { id, name } | null, eventSeq` (the notification entry), `acknowledgedAt, acknowledgedBy, escalations, nextEscalationAt, lastError, lastStatusCode, resolvedAt`.";
const team = { id: "The team's id." };
const queued = { description: "`{ deliveryId, dedupKey }`: queued; the delivery log shows the vendor's answer.", schema: object };

export const PAGING_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/teams/{id}/paging",
    operationId: "getPagingRoute",
    tag: "Paging",
    summary: "Get a team's paging route",
    auth: "session-or-token",
    roles: EVERYONE,
    params: team,
    responses: { 200: { description: `\`{ route: PagingRoute | null }\`. ${route}`, schema: object } },
  },
  {
    method: "PUT",
    path: "/api/teams/{id}/paging",
    operationId: "setPagingRoute",
    tag: "Paging",
    summary: "Create or change a team's paging route",
    description:
      "`key` (PagerDuty Events API v2 integration key, 32 characters, or an Opsgenie API key) is write-only: required when the route is created or its kind changes, kept when omitted. A page webhook's `url` follows the notification channels' address rules; it gets a signing secret, returned once. Audited without keys.",
    auth: "session-or-token",
    roles: COMMANDERS,
    params: team,
    body: { schema: ZSetPagingRoute },
    responses: {
      200: { description: `\`{ route, secret }\` (secret: a new page webhook's signing secret, else null). ${route}`, schema: object },
    },
  },
  {
    method: "DELETE",
    path: "/api/teams/{id}/paging",
    operationId: "deletePagingRoute",
    tag: "Paging",
    summary: "Stop paging a team (the key is deleted)",
    auth: "session-or-token",
    roles: COMMANDERS,
    params: team,
    responses: { 200: { description: "`{ deleted: { id, teamId } }`.", schema: object } },
  },
  {
    method: "POST",
    path: "/api/teams/{id}/paging/test",
    operationId: "sendTestPage",
    tag: "Paging",
    summary: "Send a test page through the team's route",
    auth: "session-or-token",
    roles: COMMANDERS,
    params: team,
    responses: { 202: queued },
  },
  {
    method: "DELETE",
    path: "/api/teams/{id}/paging/test",
    operationId: "cancelTestPage",
    tag: "Paging",
    summary: "Cancel the test page (resolve / close it at the vendor)",
    auth: "session-or-token",
    roles: COMMANDERS,
    params: team,
    responses: { 202: queued },
  },
  {
    method: "GET",
    path: "/api/incidents/{id}/pages",
    operationId: "listIncidentPages",
    tag: "Paging",
    summary: "An incident's pages and the teams that can be paged",
    auth: "session-or-token",
    roles: EVERYONE,
    params: { id: "The incident's id." },
    responses: { 200: { description: `\`{ pages: [Page], pageableTeamIds }\`. ${page}`, schema: object } },
  },
  {
    method: "POST",
    path: "/api/incidents/{id}/pages",
    operationId: "pageTeam",
    tag: "Paging",
    summary: "Page a team",
    description:
      "Sends a page through the team's route (PagerDuty trigger with `dedup_key` per incident and team, Opsgenie alert with that alias, or a signed page webhook) and writes the team's notification entry (channel pager). A page still open answers 409 (\"already paged N min ago, not acknowledged — escalate?\", `details.page`) unless `escalate: true`, which takes the route's escalation step. No route, or an unknown team: 422 naming `teamId` / `team`.",
    auth: "session-or-token",
    roles: WRITERS,
    params: { id: "The incident's id." },
    body: { schema: ZPageTeam },
    responses: {
      201: { description: `\`{ page, entries }\`. ${page}`, schema: object },
      409: { description: "Already paged and open, or already acknowledged.", schema: { $ref: "#/components/schemas/Error" } },
    },
  },
  {
    method: "GET",
    path: "/api/settings/paging",
    operationId: "getPagingSettings",
    tag: "Paging",
    summary: "The organisation's paging setting",
    auth: "session-or-token",
    roles: EVERYONE,
    responses: { 200: { description: "`{ sev1AutoPage }`.", schema: object } },
  },
  {
    method: "PATCH",
    path: "/api/settings/paging",
    operationId: "setPagingSettings",
    tag: "Paging",
    summary: "Turn paging on SEV1 declare on or off",
    description: "`sev1AutoPage`: a SEV1 pages the owning teams of its impacted services (those with a route) by itself. Off by default.",
    auth: "session-or-token",
    roles: ADMINS,
    scope: "admin",
    body: { schema: ZPagingSettings },
    responses: { 200: { description: "`{ sev1AutoPage }`.", schema: object } },
  },
];
