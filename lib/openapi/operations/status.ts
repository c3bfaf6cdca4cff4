import { JOURNEYS } from "../../vocabulary/catalog.ts";
import { CUSTOMER_STATUSES } from "../../stakeholder/constants.ts";
import { STATUS_CACHE_MS } from "../../status/public-status-dto.ts";
import { ZStatusSettings } from "../../status/schemas.ts";
import type { ApiOperation } from "../types.ts";
import { ADMINS, EVERYONE } from "./roles.ts";

const str = { type: "string" };
const time = { type: "string", format: "date-time" };
const status = { type: "string", enum: [...CUSTOMER_STATUSES] };
const journey = { type: "string", enum: [...JOURNEYS] };
const obj = (properties: Record<string, unknown>) => ({ type: "object", properties, required: Object.keys(properties) });

const publicIncident = obj({
  key: { type: "string", description: "Stable key (the first public update's id), not the internal incident id." },
  headline: str,
  isResolved: { type: "boolean" },
  stage: { type: "string", description: "investigating, identified, monitoring… in words customers read." },
  startedAt: time,
  resolvedAt: { anyOf: [time, { type: "null" }] },
  journeys: { type: "array", items: obj({ journey, status }) },
  updates: {
    type: "array",
    items: obj({
      at: time,
      affected: str,
      doing: str,
      nextUpdateBy: { anyOf: [time, { type: "null" }] },
      journeyStatus: { type: "object", additionalProperties: status },
    }),
  },
});

const publicStatus = {
  description: `\`{ organization, generatedAt, overall, journeys, activeIncidents, resolvedIncidents }\`: only what customers may read (public stakeholder updates; no people, internal notes, money, internal titles or ids). Resolved incidents are those of the last 7 days, newest first. Sent with \`Cache-Control: public, max-age=${STATUS_CACHE_MS / 1000}\` and \`Access-Control-Allow-Origin: *\`, so any site may embed it.`,
  schema: obj({
    organization: obj({ name: str, slug: str, timeZone: str }),
    generatedAt: time,
    overall: obj({ status, label: str }),
    journeys: { type: "array", items: obj({ journey, label: str, status }) },
    activeIncidents: { type: "array", items: publicIncident },
    resolvedIncidents: { type: "array", items: publicIncident },
  }),
};

export const STATUS_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/status",
    operationId: "getPublicStatus",
    tag: "Status page",
    summary: "The public status of the first organisation",
    description: "No login. For a single-organisation install; use `/api/status/{slug}` to name one.",
    auth: "public",
    responses: { 200: publicStatus },
  },
  {
    method: "GET",
    path: "/api/status/{slug}",
    operationId: "getPublicStatusBySlug",
    tag: "Status page",
    summary: "One organisation's public status",
    description: "No login. An unknown slug is a 404.",
    auth: "public",
    params: { slug: "The organisation's slug, as in its status page URL." },
    responses: { 200: publicStatus },
  },
  {
    method: "GET",
    path: "/api/settings/status",
    operationId: "getStatusSettings",
    tag: "Status page",
    summary: "The organisation's status page setting",
    auth: "session-or-token",
    roles: EVERYONE,
    responses: { 200: { description: "`{ statusAutoImpact }`.", schema: obj({ statusAutoImpact: { type: "boolean" } }) } },
  },
  {
    method: "PATCH",
    path: "/api/settings/status",
    operationId: "setStatusSettings",
    tag: "Status page",
    summary: "Show impacted journeys on the status page automatically, or not",
    description:
      "`statusAutoImpact`: the public status page shows the journeys an open incident's impact marks degraded (drills never), with generic wording, before anyone publishes an update. Off by default.",
    auth: "session-or-token",
    roles: ADMINS,
    scope: "admin",
    body: { schema: ZStatusSettings },
    responses: { 200: { description: "`{ statusAutoImpact }`.", schema: obj({ statusAutoImpact: { type: "boolean" } }) } },
  },
];
