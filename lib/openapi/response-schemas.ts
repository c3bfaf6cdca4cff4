import { ERROR_STATUS } from "../errors/app-error.ts";
import { SEVERITIES, STATUSES } from "../vocabulary/incidents.ts";
import { JOURNEYS } from "../vocabulary/catalog.ts";
import { EVENT_KINDS } from "../vocabulary/timeline.ts";
import { POSTMORTEM_STATUSES } from "../postmortems/postmortem-dto.ts";
import { ACTION_ITEM_PRIORITIES, ACTION_ITEM_STATUSES } from "../action-items/constants.ts";
import { CUSTOMER_STATUSES } from "../stakeholder/constants.ts";
import type { JsonSchema } from "./types.ts";

// Hand-written schemas for the answers clients read most. The DTOs are TypeScript interfaces, not
// zod, so these are kept small and list the fields the README documents; other answers are
// described in words in their operation.

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
  PersonRef: obj({ id: { type: "string", format: "uuid" }, name: str }),
  Incident: obj(
    {
      id: { type: "string", format: "uuid" },
      number: { type: "integer" },
      ref: { type: "string", description: 'Human reference, e.g. "INC-7".' },
      title: str,
      summary: str,
      severity: { type: "string", enum: [...SEVERITIES] },
      status: { type: "string", enum: [...STATUSES] },
      customerStatus: str,
      tags: { type: "array", items: str },
      commander: nullable({ $ref: "#/components/schemas/PersonRef" }),
      commsLead: nullable({ $ref: "#/components/schemas/PersonRef" }),
      scribe: nullable({ $ref: "#/components/schemas/PersonRef" }),
      declaredBy: nullable({ $ref: "#/components/schemas/PersonRef" }),
      responders: { type: "array", items: { $ref: "#/components/schemas/PersonRef" } },
      services: {
        type: "array",
        items: obj({ id: str, name: str, tier: { type: "integer" }, team: obj({ id: str, name: str }) }),
      },
      startedAt: time,
      detectedAt: nullable(time),
      acknowledgedAt: nullable(time),
      mitigatedAt: nullable(time),
      resolvedAt: nullable(time),
      createdAt: time,
      updatedAt: time,
      lastSeq: { type: "integer", description: "The newest timeline entry's sequence number." },
      drillId: nullable({ type: "string", format: "uuid", description: "Set on a game-day drill's practice incident (`/api/drills`): kept out of insights, the library and the status page." }),
    },
    "One unplanned disruption and its room.",
  ),
  TimelineEvent: obj(
    {
      id: { type: "string", format: "uuid" },
      incidentId: { type: "string", format: "uuid" },
      seq: { type: "integer", minimum: 1, description: "Gapless per incident: apply in order, catch up with `after`." },
      kind: { type: "string", enum: [...EVENT_KINDS] },
      body: str,
      data: nullable({ type: "object", description: "Kind-specific fields; null for notes and decisions." }),
      clientId: nullable(str),
      occurredAt: { ...time, description: "When it happened; may be back-dated." },
      recordedAt: { ...time, description: "When the server stored it." },
      author: nullable({ $ref: "#/components/schemas/PersonRef" }),
      pinned: { type: "boolean" },
      struck: nullable(obj({ at: time, reason: str, by: nullable({ $ref: "#/components/schemas/PersonRef" }) })),
      editedAt: nullable(time),
      revisionCount: { type: "integer" },
      targetSeq: nullable({ type: "integer", description: "For an amendment: the entry it changed." }),
    },
    "One timestamped entry in an incident's room.",
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
