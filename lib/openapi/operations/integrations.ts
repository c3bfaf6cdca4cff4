import { ZGenericAlert, ZGenericPayload } from "../../integrations/parse-generic.ts";
import { ZCreateIntegration, ZUpdateIntegration } from "../../integrations/schemas.ts";
import { ZSurveyAnswer, ZSurveyBatch } from "../../signals/parse-survey.ts";
import { jsonSchemaOf } from "../json-schema-of.ts";
import type { ApiOperation } from "../types.ts";
import { ADMINS } from "./roles.ts";

const object = { type: "object" };
const integration =
  "`Integration`: `id, kind, name, webhookPath, secretHint` (last four characters), `serviceLabel, defaultService, serviceRules, severityLabel, severityRules, defaultSeverity, opensIncidents, groupAlerts, alertDegradation, lastReceivedAt, createdAt, updatedAt, stats { keys, received }`.";
const id = { id: "The integration's id." };

export const INTEGRATION_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/integrations",
    operationId: "listIntegrations",
    tag: "Alert sources",
    summary: "List alert sources",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    responses: { 200: { description: `\`{ integrations: [Integration] }\`. ${integration}`, schema: object } },
  },
  {
    method: "POST",
    path: "/api/integrations",
    operationId: "createIntegration",
    tag: "Alert sources",
    summary: "Connect an alert source",
    description:
      "Service rules map a label value to a catalog service; severity rules map the severity label (or the source's priority) to a SEV. Audited without the secret.",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    body: { schema: ZCreateIntegration },
    responses: { 201: { description: `\`{ integration, secret }\`: the only time the secret is shown. ${integration}`, schema: object } },
  },
  {
    method: "GET",
    path: "/api/integrations/{id}",
    operationId: "getIntegration",
    tag: "Alert sources",
    summary: "An alert source and the alerts it received lately",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: id,
    responses: {
      200: {
        description: `The integration with \`recentAlerts\` and \`refusals\` (the last 50 refused webhook requests: \`receivedAt, status, code, reason, bodyExcerpt\`, no headers, secrets blanked). ${integration}`,
        schema: object,
      },
    },
  },
  {
    method: "PATCH",
    path: "/api/integrations/{id}",
    operationId: "updateIntegration",
    tag: "Alert sources",
    summary: "Change an alert source, rotate or paste its secret",
    description:
      "`rotateSecret: true` generates a new secret (the old one stops working at once); `secret` pastes one the source issued (PagerDuty's signing secret).",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: id,
    body: { schema: ZUpdateIntegration },
    responses: { 200: { description: "`{ integration, secret }`: `secret` is the new one after a rotation, else null.", schema: object } },
  },
  {
    method: "DELETE",
    path: "/api/integrations/{id}",
    operationId: "deleteIntegration",
    tag: "Alert sources",
    summary: "Disconnect an alert source",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: id,
    responses: { 200: { description: "`{ deleted: { id, name } }`.", schema: object } },
  },
  {
    method: "POST",
    path: "/api/webhooks/{integrationId}",
    operationId: "receiveAlerts",
    tag: "Alert sources",
    summary: "Receive alerts from a monitoring source, or answers from a survey tool",
    description:
      "Authenticated with the integration's own secret, never a session or API token: `Authorization: Bearer <secret>` (Alertmanager, Grafana), `X-PagerDuty-Signature`, header `X-Warroom-Secret` (Opsgenie, Datadog, generic JSON, surveys) or `?secret=` (Pingdom). Each alert is de-duplicated on the source's key, mapped to a service and severity, and opens an incident or appends an `alert` entry. A delivery id makes redeliveries harmless (`duplicate: true`). An integration of kind `survey` takes customers' survey answers instead (Warroom's survey JSON, one answer or `{ responses: [ … ] }` up to 500, as Zigpoll, Hotjar or Medallia can send it, or Delighted's webhook as it comes): they never open an incident but are counted per journey as impact evidence (`GET /api/incidents/{id}/customer-signals`); an answer sent again (same `responseId`) counts once, under `repeats`. Over 256 KB is a 413.",
    auth: "webhook",
    params: { integrationId: "The integration's id, from its webhook URL." },
    body: {
      raw: true,
      contentTypes: ["application/json"],
      schema: {
        description:
          "The source's own webhook payload, or Warroom's generic JSON: one alert or `{ deliveryId?, alerts: [ … ] }` (up to 1,000); for kind `survey`, survey answers.",
        anyOf: [
          { title: "Generic alert", ...jsonSchemaOf(ZGenericAlert) },
          { title: "Generic batch", ...jsonSchemaOf(ZGenericPayload) },
          {
            title: "Native payload",
            type: "object",
            description:
              "Alertmanager v4, Grafana, PagerDuty v3, Opsgenie, Datadog (Warroom's template, or Datadog's own variable names: alert_transition, aggreg_key, alert_cycle_key, event_title, event_msg, alert_priority, alert_scope, tags, link), Pingdom, or (kind `survey`) Delighted.",
          },
          {
            title: "Survey answer",
            description: "Kind `survey` only. Without `journey`, it is guessed from the comment.",
            ...jsonSchemaOf(ZSurveyAnswer),
          },
          { title: "Survey batch", description: "Kind `survey` only.", ...jsonSchemaOf(ZSurveyBatch) },
        ],
      },
    },
    responses: {
      200: {
        description:
          "`{ received, opened, appended, repeats, recorded, ignored, deferred, duplicate, incidents: [{ id, ref, opened }] }` (every incident the request opened or added an entry to); for a survey, `recorded` counts the new answers and `repeats` the ones already stored.",
        schema: object,
      },
      401: { description: "Missing or wrong secret or signature; nothing is stored.", schema: { $ref: "#/components/schemas/Error" } },
    },
  },
];
