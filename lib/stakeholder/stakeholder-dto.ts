import type { JourneyName } from "../vocabulary/catalog.ts";
import { JOURNEYS } from "../vocabulary/catalog.ts";
import type { Prisma } from "../db/generated/client.ts";
import { z } from "zod";
import { ZPersonRef } from "../validation/person-ref.ts";
import { CUSTOMER_STATUSES, type CustomerStatusName, type JourneyStatusMap } from "./constants.ts";

export const stakeholderUpdateSelect = {
  id: true,
  incidentId: true,
  affected: true,
  doing: true,
  nextUpdateBy: true,
  isPublic: true,
  journeyStatus: true,
  eventSeq: true,
  reminderSentAt: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.StakeholderUpdateSelect;

type Row = Prisma.StakeholderUpdateGetPayload<{ select: typeof stakeholderUpdateSelect }>;

// The answer's shape, once: the DTO type is inferred from it and the OpenAPI document's
// `StakeholderUpdate` is generated from it (lib/openapi/response-schemas.ts).
const time = z.iso.datetime();

/** What the API returns and sockets push (inside the organisation: it names the author). */
export const ZStakeholderUpdate = z
  .object({
    id: z.uuid(),
    incidentId: z.uuid(),
    affected: z.string().describe("What customers or the business notice."),
    doing: z.string().describe("What the team is doing about it."),
    nextUpdateBy: time.nullable().describe("The promised next update; null for a last word."),
    isPublic: z.boolean().describe("Shown on the public status page."),
    journeyStatus: z.partialRecord(z.enum(JOURNEYS), z.enum(CUSTOMER_STATUSES)).describe("Customer-facing status per journey."),
    eventSeq: z.number().int().nullable().describe("The timeline entry it wrote."),
    reminderSentAt: time.nullable().describe('When the "update overdue" reminder was written.'),
    createdAt: time,
    author: ZPersonRef.nullable(),
  })
  .describe("A structured update for stakeholders: what is affected, what is being done, when the next one comes.");
export type StakeholderUpdateDto = z.infer<typeof ZStakeholderUpdate>;

/** Stored JSON read back defensively: unknown keys or values are dropped, never trusted. */
export function readJourneyStatus(value: unknown): JourneyStatusMap {
  const out: JourneyStatusMap = {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [key, status] of Object.entries(value)) {
    if ((JOURNEYS as readonly string[]).includes(key) && (CUSTOMER_STATUSES as readonly string[]).includes(String(status))) {
      out[key as JourneyName] = status as CustomerStatusName;
    }
  }
  return out;
}

export function toStakeholderUpdateDto(row: Row): StakeholderUpdateDto {
  return {
    id: row.id,
    incidentId: row.incidentId,
    affected: row.affected,
    doing: row.doing,
    nextUpdateBy: row.nextUpdateBy?.toISOString() ?? null,
    isPublic: row.isPublic,
    journeyStatus: readJourneyStatus(row.journeyStatus),
    eventSeq: row.eventSeq,
    reminderSentAt: row.reminderSentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    author: row.author,
  };
}

// The socket events that carry this DTO, added to realtime's event map (lib/realtime/protocol.ts).
declare module "../realtime/protocol.ts" {
  interface ServerToClientEvents {
    "stakeholder:updated": (payload: { incidentId: string; update: StakeholderUpdateDto }) => void;
  }
}
