import { ERROR_STATUS } from "../errors/app-error.ts";
import { z } from "zod";
import { ZActionItem } from "../action-items/action-item-dto.ts";
import { ZServiceDetail, ZTeam, ZTeamDetail } from "../catalog/catalog-dto.ts";
import { ZImpactSummary } from "../impact/impact-dto.ts";
import { ZIncident } from "../incident-record/incident-dto.ts";
import { ZPostmortem, ZPostmortemRevision, ZPostmortemSection } from "../postmortems/postmortem-dto.ts";
import { ZStakeholderUpdate } from "../stakeholder/stakeholder-dto.ts";
import { ZTimelineEvent } from "../timeline/event-dto.ts";
import { ZPersonRef } from "../validation/person-ref.ts";
import { tidyJsonSchema } from "./json-schema-of.ts";
import type { JsonSchema } from "./types.ts";

// Schemas for the answers clients read most, generated from the zod schemas the DTO types are
// inferred from, so they cannot drift (answers not here are described in words in their
// operation). Only `Error` is written by hand: it is built from ERROR_STATUS.

/** Answers whose zod schema is the source of both the DTO type and this document. */
const FROM_ZOD = {
  PersonRef: ZPersonRef,
  Incident: ZIncident,
  TimelineEvent: ZTimelineEvent,
  Team: ZTeam,
  TeamDetail: ZTeamDetail,
  ServiceDetail: ZServiceDetail,
  ImpactSummary: ZImpactSummary,
  PostmortemSection: ZPostmortemSection,
  PostmortemRevision: ZPostmortemRevision,
  Postmortem: ZPostmortem,
  ActionItem: ZActionItem,
  StakeholderUpdate: ZStakeholderUpdate,
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
const obj = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
});

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
} satisfies Record<string, JsonSchema>;

export type SharedSchemaName = keyof typeof SHARED;
export const SHARED_SCHEMAS: Record<SharedSchemaName, JsonSchema> = SHARED;
