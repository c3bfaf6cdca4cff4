import type { Prisma } from "../db/generated/client.ts";
import { z } from "zod";
import { ZPersonRef, type PersonRef } from "../validation/person-ref.ts";
import { incidentRef, SEVERITIES, STATUSES } from "../vocabulary/incidents.ts";

const person = { select: { id: true, name: true } } as const;

export const incidentSelect = {
  id: true,
  number: true,
  title: true,
  summary: true,
  severity: true,
  status: true,
  customerStatus: true,
  tags: true,
  startedAt: true,
  detectedAt: true,
  acknowledgedAt: true,
  mitigatedAt: true,
  resolvedAt: true,
  createdAt: true,
  updatedAt: true,
  lastSeq: true,
  drillId: true,
  commander: person,
  declaredBy: person,
  commsLead: person,
  scribe: person,
  suggestedCommander: person,
  responders: { select: { user: person }, orderBy: { addedAt: "asc" } },
  services: {
    select: { service: { select: { id: true, name: true, tier: true, team: { select: { id: true, name: true } } } } },
    // Most customer-critical first; services marked together share addedAt, so it cannot order them.
    orderBy: [{ service: { tier: "asc" } }, { service: { name: "asc" } }],
  },
} satisfies Prisma.IncidentSelect;

export type IncidentRow = Prisma.IncidentGetPayload<{ select: typeof incidentSelect }>;

// The answer's shape, once: the DTO type is inferred from it and the OpenAPI document's
// `Incident` schema is generated from it (lib/openapi/response-schemas.ts).
const time = z.iso.datetime();

export type { PersonRef };

export const ZIncidentServiceRef = z.object({
  id: z.uuid(),
  name: z.string(),
  tier: z.number().int(),
  team: z.object({ id: z.uuid(), name: z.string() }),
});
export type IncidentServiceRef = z.infer<typeof ZIncidentServiceRef>;

export const ZIncident = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    ref: z.string().describe('Human reference, e.g. "INC-7".'),
    title: z.string(),
    summary: z.string(),
    severity: z.enum(SEVERITIES),
    status: z.enum(STATUSES),
    customerStatus: z.string(),
    tags: z.array(z.string()),
    commander: ZPersonRef.nullable(),
    declaredBy: ZPersonRef.nullable(),
    commsLead: ZPersonRef.nullable(),
    scribe: ZPersonRef.nullable(),
    suggestedCommander: ZPersonRef.nullable().describe(
      "Offered by a page-worthy alert (the owning team's first on call) while nobody is in command.",
    ),
    responders: z.array(ZPersonRef),
    services: z.array(ZIncidentServiceRef).describe("Impacted services, most customer-critical first."),
    startedAt: time,
    detectedAt: time.nullable(),
    acknowledgedAt: time.nullable(),
    mitigatedAt: time.nullable(),
    resolvedAt: time.nullable(),
    createdAt: time,
    updatedAt: time,
    lastSeq: z.number().int().describe("The newest timeline entry's sequence number."),
    drillId: z
      .uuid()
      .nullable()
      .describe("Set on a game-day drill's practice incident (`/api/drills`): kept out of insights, the library and the status page."),
  })
  .describe("One unplanned disruption and its room.");
export type IncidentDto = z.infer<typeof ZIncident>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toIncidentDto(row: IncidentRow): IncidentDto {
  return {
    id: row.id,
    number: row.number,
    ref: incidentRef(row.number),
    title: row.title,
    summary: row.summary,
    severity: row.severity,
    status: row.status,
    customerStatus: row.customerStatus,
    tags: row.tags,
    commander: row.commander,
    declaredBy: row.declaredBy,
    commsLead: row.commsLead,
    scribe: row.scribe,
    suggestedCommander: row.commander ? null : row.suggestedCommander,
    responders: row.responders.map((r) => r.user),
    services: row.services.map((s) => s.service),
    startedAt: row.startedAt.toISOString(),
    detectedAt: iso(row.detectedAt),
    acknowledgedAt: iso(row.acknowledgedAt),
    mitigatedAt: iso(row.mitigatedAt),
    resolvedAt: iso(row.resolvedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastSeq: row.lastSeq,
    drillId: row.drillId,
  };
}

// The socket events that carry this DTO, added to realtime's event map (lib/realtime/protocol.ts).
declare module "../realtime/protocol.ts" {
  interface ServerToClientEvents {
    "incident:declared": (payload: { incident: IncidentDto }) => void;
    "incident:updated": (payload: { incident: IncidentDto }) => void;
  }
}
