import { JOURNEYS } from "../../vocabulary/catalog.ts";
import { SIGNAL_WINDOW_MINUTES } from "../../signals/customer-signals-dto.ts";
import { CUSTOMER_STATUSES } from "../../stakeholder/constants.ts";
import { ZPostStakeholderUpdate } from "../../stakeholder/schemas.ts";
import { ref } from "../response-schemas.ts";
import type { ApiOperation } from "../types.ts";
import { EVERYONE, WRITERS } from "./roles.ts";

const incident = { id: "The incident's id." };

export const STAKEHOLDER_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/incidents/{id}/stakeholder-updates",
    operationId: "listStakeholderUpdates",
    tag: "Stakeholder updates",
    summary: "An incident's stakeholder updates",
    auth: "session-or-token",
    roles: EVERYONE,
    params: incident,
    responses: {
      200: {
        description: "`{ updates: [StakeholderUpdate] }`, newest first.",
        schema: { type: "object", properties: { updates: { type: "array", items: ref("StakeholderUpdate") } }, required: ["updates"] },
      },
    },
  },
  {
    method: "POST",
    path: "/api/incidents/{id}/stakeholder-updates",
    operationId: "postStakeholderUpdate",
    tag: "Stakeholder updates",
    summary: "Post a stakeholder update",
    description:
      "What is affected, what is being done, and when the next update comes: `nextUpdateBy` is a promise in the future, within 24 hours (null for a last word); when it passes without a new update, the room is reminded. `isPublic: true` shows it on the public status page with `journeyStatus` (customer-facing status per journey). Written to the timeline as a `stakeholder_update` entry in the same transaction, pushed to the room, and sent to the notification channels subscribed to stakeholder updates. A bad field is a 422 naming it (`affected`, `nextUpdateBy`, `journeyStatus.<journey>`…).",
    auth: "session-or-token",
    roles: WRITERS,
    rolesNote: "a COMMANDER or ADMIN, or a responder who commands this incident or is its communications lead; other responders get a 403",
    params: incident,
    body: {
      schema: ZPostStakeholderUpdate,
      properties: {
        journeyStatus: {
          type: "object",
          description: "Customer-facing status per journey; keys are journeys.",
          propertyNames: { enum: [...JOURNEYS] },
          additionalProperties: { type: "string", enum: [...CUSTOMER_STATUSES] },
          default: {},
        },
      },
    },
    responses: {
      201: {
        description: "`{ update, event }`: the stored update and the timeline entry it wrote.",
        schema: {
          type: "object",
          properties: { update: ref("StakeholderUpdate"), event: ref("TimelineEvent") },
          required: ["update", "event"],
        },
      },
    },
  },
  {
    method: "GET",
    path: "/api/incidents/{id}/customer-signals",
    operationId: "getCustomerSignals",
    tag: "Impact",
    summary: "What customers said in surveys lately, per journey",
    description: `Answers received from \`survey\` alert sources in the last ${SIGNAL_WINDOW_MINUTES} minutes, per journey: how many, their mean score (null when none had one), up to three of the newest comments, and whether the incident is about that journey (impact set on it, or named in a stakeholder update). Evidence for the impact estimate, not an estimate.`,
    auth: "session-or-token",
    roles: EVERYONE,
    params: incident,
    responses: {
      200: {
        description:
          "`{ incidentId, windowMinutes, since, journeys: [{ journey, responses, averageScore, comments: [{ text, at }], touchesIncident }] }`.",
        schema: {
          type: "object",
          properties: {
            incidentId: { type: "string", format: "uuid" },
            windowMinutes: { type: "integer" },
            since: { type: "string", format: "date-time" },
            journeys: { type: "array", items: { type: "object" } },
          },
          required: ["incidentId", "windowMinutes", "since", "journeys"],
        },
      },
    },
  },
];
