import { ZImpactSettingsInput, ZSetIncidentImpact } from "../../impact/schemas.ts";
import { JOURNEYS } from "../../vocabulary/catalog.ts";
import { ref } from "../response-schemas.ts";
import type { ApiOperation } from "../types.ts";
import { ADMINS, EVERYONE, WRITERS } from "./roles.ts";

const settings = {
  description: "`{ currency, timeZone, hourlyProfile, responderHourlyRate, baselines, peakWindows }`.",
  schema: { type: "object" },
};

export const IMPACT_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/incidents/{id}/impact",
    operationId: "getIncidentImpact",
    tag: "Impact",
    summary: "Money, orders and customers at stake",
    auth: "session-or-token",
    roles: EVERYONE,
    params: { id: "The incident's id." },
    responses: { 200: { description: "The impact summary.", schema: ref("ImpactSummary") } },
  },
  {
    method: "PUT",
    path: "/api/incidents/{id}/impact",
    operationId: "setIncidentImpact",
    tag: "Impact",
    summary: "Say how degraded each journey is",
    description: `Journeys are ${JOURNEYS.join(", ")}. \`since\` defaults to now and may not be in the future or before the incident started. One \`impact_change\` entry records the whole change; pushed as \`impact:updated\`. A bad field is a 422 naming it (\`journeys.checkout.degradation\`) and nothing is saved.`,
    auth: "session-or-token",
    roles: WRITERS,
    params: { id: "The incident's id." },
    body: { schema: ZSetIncidentImpact },
    responses: { 200: { description: "The impact summary after the change.", schema: ref("ImpactSummary") } },
  },
  {
    method: "GET",
    path: "/api/triage",
    operationId: "getTriage",
    tag: "Impact",
    summary: "Unresolved incidents, highest priority first",
    auth: "session-or-token",
    roles: EVERYONE,
    responses: {
      200: {
        description:
          "`{ asOf, currency, incidents: [{ incident, impact: ImpactSummary, teamsNotNotified: [{ id, name }], teamsTotal }] }`.",
        schema: {
          type: "object",
          properties: {
            asOf: { type: "string", format: "date-time" },
            currency: { type: "string" },
            incidents: { type: "array", items: { type: "object", properties: { impact: ref("ImpactSummary") } } },
          },
          required: ["asOf", "currency", "incidents"],
        },
      },
    },
  },
  {
    method: "GET",
    path: "/api/settings/impact",
    operationId: "getImpactSettings",
    tag: "Impact",
    summary: "Baselines, peak windows and currency",
    auth: "session-or-token",
    roles: EVERYONE,
    responses: { 200: settings },
  },
  {
    method: "PUT",
    path: "/api/settings/impact",
    operationId: "updateImpactSettings",
    tag: "Impact",
    summary: "Change baselines, peak windows and currency",
    description:
      "Any subset; given parts replace what is stored (`peakWindows` as a whole list, `hourlyProfile: []` for a flat day). `currency` is ISO 4217, `timeZone` IANA. All or nothing: a 422 names the field (`baselines.checkout.revenuePerMinute`, `hourlyProfile.3`, `peakWindows.0.endsAt`).",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    body: { schema: ZImpactSettingsInput },
    responses: { 200: settings },
  },
];
