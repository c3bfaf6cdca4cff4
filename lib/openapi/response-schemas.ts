import { ERROR_STATUS } from "../errors/app-error.ts";
import { SEVERITIES } from "../vocabulary/incidents.ts";
import { JOURNEYS } from "../vocabulary/catalog.ts";
import { POSTMORTEM_STATUSES } from "../postmortems/postmortem-dto.ts";
import { ACTION_ITEM_PRIORITIES, ACTION_ITEM_STATUSES } from "../action-items/constants.ts";
import { CUSTOMER_STATUSES } from "../stakeholder/constants.ts";
import { z } from "zod";
import { ZServiceDetail, ZTeam, ZTeamDetail } from "../catalog/catalog-dto.ts";
import { ZIncident } from "../incident-record/incident-dto.ts";
import { ZTimelineEvent } from "../timeline/event-dto.ts";
import { ZPersonRef } from "../validation/person-ref.ts";
import { tidyJsonSchema } from "./json-schema-of.ts";
import type { JsonSchema } from "./types.ts";

// Schemas for the answers clients read most. Where the DTO type is inferred from a zod schema
// (FROM_ZOD), the schema here is generated from the same one and cannot drift; the others are
// hand-written, kept small and list the fields the README documents (answers not here are
// described in words in their operation).

/** Answers whose zod schema is the source of both the DTO type and this document. */
const FROM_ZOD = {
  PersonRef: ZPersonRef,
  Incident: ZIncident,
  TimelineEvent: ZTimelineEvent,
  Team: ZTeam,
  TeamDetail: ZTeamDetail,
  ServiceDetail: ZServiceDetail,
} as const;

/** FROM_ZOD as JSON Schemas that `$ref` each other (an incident's commander is a PersonRef). */
function generatedSchemas(): Record<keyof typeof FROM_ZOD, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(FROM_ZOD)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "output",
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ jsonSchema }) => {
      tidyJsonSchema({ jsonSchema });
      // Open objects, as the hand-written ones: a field added to an answer breaks no client.
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonSchema;
      return [id, rest];
    }),
  ) as Record<keyof typeof FROM_ZOD, JsonSchema>;
}

export const ref = (name: SharedSchemaName): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const str: JsonSchema = { type: "string" };
const time: JsonSchema = { type: "string", format: "date-time" };
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: "null" }] });
const obj = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
});

const figures = obj({ revenue: { type: "number" }, orders: { type: "number" }, customers: { type: "number" } });

const SHARED = {
  ...generatedSchemas(),
  Error: obj(
    {
      error: {
        type: "object",
        properties: {
          code: { type: "string", enum: Object.keys(ERROR_STATUS) },
          message: { type: "string", description: "Safe to show a person." },
          details: {
            description: "For validation_failed: `fields`, one entry per bad field (`journeys.checkout.degradation`, `data.url`…).",
            type: "object",
            properties: {
              fields: { type: "array", items: obj({ field: str, message: str }) },
            },
          },
        },
        required: ["code", "message"],
      },
    },
    "Every error has this shape. The code maps to one HTTP status.",
  ),
  ImpactSummary: obj(
    {
      incidentId: { type: "string", format: "uuid" },
      currency: { type: "string", description: "ISO 4217." },
      timeZone: str,
      asOf: { ...time, description: "Every figure was computed at this instant." },
      endedAt: nullable(time),
      perMinute: figures,
      lossSoFar: { ...figures, description: "Tick it on the client: lossSoFar + perMinute × minutes since asOf." },
      projectionNextHour: figures,
      responseCost: obj({ amount: { type: "number" }, personHours: { type: "number" }, people: { type: "integer" }, hourlyRate: { type: "number" } }),
      journeys: {
        type: "array",
        items: obj({
          journey: { type: "string", enum: [...JOURNEYS] },
          degradation: { type: "integer", minimum: 0, maximum: 100 },
          since: time,
          ended: nullable({
            ...obj({ degradation: { type: "integer", minimum: 1, maximum: 100 }, at: time }),
            description: "How degraded it was until its impact ended (at resolution, or when set back to 0); null while degraded.",
          }),
          perMinute: figures,
          evidence: { type: "object" },
          updatedAt: time,
          updatedBy: nullable({ $ref: "#/components/schemas/PersonRef" }),
        }),
      },
      series: { type: "array", description: "A step chart: each point holds until the next.", items: { type: "object" } },
      priority: obj({
        score: { type: "number" },
        revenueShare: { type: "number" },
        criticality: { type: "number" },
        suggestedSeverity: nullable({ type: "string", enum: [...SEVERITIES] }),
      }),
      rateValidUntil: nullable({ ...time, description: "Refetch then: the next profile hour or peak edge." }),
    },
    "Money, orders and customers at stake for one incident.",
  ),
  PostmortemSection: obj(
    {
      key: str,
      title: str,
      position: { type: "integer" },
      guidance: { type: "string", description: "What the template asks this section to say." },
      body: { type: "string", description: "Markdown." },
      version: { type: "integer", minimum: 1, description: "Send it back as `baseVersion` when saving: a newer version on the server is a 409." },
      updatedAt: time,
      updatedBy: nullable({ $ref: "#/components/schemas/PersonRef" }),
    },
    "One section of a post-mortem being written.",
  ),
  PostmortemRevision: obj(
    {
      number: { type: "integer", minimum: 1 },
      title: str,
      sections: { type: "array", items: obj({ key: str, title: str, body: { type: "string", description: "Markdown." } }) },
      publishedAt: time,
      publishedBy: nullable({ $ref: "#/components/schemas/PersonRef" }),
    },
    "A published, frozen version of a post-mortem.",
  ),
  Postmortem: obj(
    {
      id: { type: "string", format: "uuid" },
      incident: obj({ id: { type: "string", format: "uuid" }, ref: str, title: str, severity: { type: "string", enum: [...SEVERITIES] }, commanderId: nullable(str) }),
      title: str,
      status: { type: "string", enum: [...POSTMORTEM_STATUSES] },
      templateKey: { type: "string", description: '"builtin:full", "builtin:short" or a template id.' },
      facts: { type: "object", description: "What the incident's record says (times, durations, impact), gathered when it was drafted." },
      createdBy: nullable({ $ref: "#/components/schemas/PersonRef" }),
      createdAt: time,
      updatedAt: time,
      publishedRevision: { type: "integer", minimum: 0, description: "0 until first published." },
      publishedAt: nullable(time),
      sections: { type: "array", items: { $ref: "#/components/schemas/PostmortemSection" } },
      reviews: {
        type: "array",
        items: obj({
          reviewer: { $ref: "#/components/schemas/PersonRef" },
          state: { type: "string", enum: ["requested", "approved", "changes_requested"] },
          comment: str,
          decidedAt: nullable(time),
        }),
      },
      revisions: {
        type: "array",
        description: "Every published revision, newest first, without their text.",
        items: obj({ number: { type: "integer" }, title: str, publishedAt: time, publishedBy: nullable({ $ref: "#/components/schemas/PersonRef" }) }),
      },
      published: nullable({ $ref: "#/components/schemas/PostmortemRevision" }),
    },
    "The blameless write-up of a resolved incident: sections, reviews and published revisions.",
  ),
  ActionItem: obj(
    {
      id: { type: "string", format: "uuid" },
      postmortemId: { type: "string", format: "uuid" },
      title: str,
      description: str,
      owner: nullable(obj({ kind: { type: "string", enum: ["user", "team"] }, id: { type: "string", format: "uuid" }, name: str })),
      dueDate: nullable({ type: "string", format: "date", description: "A calendar day in the organisation's time zone." }),
      priority: { type: "string", enum: [...ACTION_ITEM_PRIORITIES] },
      status: { type: "string", enum: [...ACTION_ITEM_STATUSES] },
      ticketUrl: nullable(str),
      completedAt: nullable(time),
      createdAt: time,
      updatedAt: time,
      isOverdue: { type: "boolean", description: "Due before today (organisation's zone) and neither done nor dropped." },
      postmortem: obj({
        id: { type: "string", format: "uuid" },
        title: str,
        status: { type: "string", enum: [...POSTMORTEM_STATUSES] },
        incident: obj({ id: { type: "string", format: "uuid" }, ref: str, title: str, severity: { type: "string", enum: [...SEVERITIES] } }),
      }),
    },
    "A follow-up of a post-mortem: who does what by when.",
  ),
  StakeholderUpdate: obj(
    {
      id: { type: "string", format: "uuid" },
      incidentId: { type: "string", format: "uuid" },
      affected: { type: "string", description: "What customers or the business notice." },
      doing: { type: "string", description: "What the team is doing about it." },
      nextUpdateBy: nullable({ ...time, description: "The promised next update; null for a last word." }),
      isPublic: { type: "boolean", description: "Shown on the public status page." },
      journeyStatus: { type: "object", description: "Customer-facing status per journey.", additionalProperties: { type: "string", enum: [...CUSTOMER_STATUSES] } },
      eventSeq: nullable({ type: "integer", description: "The timeline entry it wrote." }),
      reminderSentAt: nullable({ ...time, description: 'When the "update overdue" reminder was written.' }),
      createdAt: time,
      author: nullable({ $ref: "#/components/schemas/PersonRef" }),
    },
    "A structured update for stakeholders: what is affected, what is being done, when the next one comes.",
  ),
} satisfies Record<string, JsonSchema>;

export type SharedSchemaName = keyof typeof SHARED;
export const SHARED_SCHEMAS: Record<SharedSchemaName, JsonSchema> = SHARED;
