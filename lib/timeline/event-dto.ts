import type { Prisma } from "../db/generated/client.ts";
import { z } from "zod";
import { ZPersonRef } from "../validation/person-ref.ts";
import { EVENT_KINDS } from "../vocabulary/timeline.ts";

export const eventSelect = {
  id: true,
  incidentId: true,
  seq: true,
  kind: true,
  body: true,
  data: true,
  clientId: true,
  occurredAt: true,
  recordedAt: true,
  pinned: true,
  struckAt: true,
  struckReason: true,
  editedAt: true,
  targetSeq: true,
  author: { select: { id: true, name: true } },
  struckBy: { select: { id: true, name: true } },
  _count: { select: { revisions: true } },
} satisfies Prisma.TimelineEventSelect;

type EventRow = Prisma.TimelineEventGetPayload<{ select: typeof eventSelect }>;

const time = z.iso.datetime();

/** What the API returns and sockets push; the client reducer works on this shape. The OpenAPI `TimelineEvent` schema is generated from it. */
export const ZTimelineEvent = z
  .object({
    id: z.uuid(),
    incidentId: z.uuid(),
    seq: z.number().int().min(1).describe("Gapless per incident: apply in order, catch up with `after`."),
    kind: z.enum(EVENT_KINDS),
    body: z.string(),
    /** Kind-specific fields (see lib/timeline/event-data.ts); null for plain notes. */
    data: z.record(z.string(), z.unknown()).nullable().describe("Kind-specific fields; null for notes and decisions."),
    clientId: z.string().nullable(),
    occurredAt: time.describe("When it happened; may be back-dated."),
    recordedAt: time.describe("When the server stored it."),
    author: ZPersonRef.nullable(),
    pinned: z.boolean(),
    struck: z.object({ at: time, reason: z.string(), by: ZPersonRef.nullable() }).nullable(),
    /** Set once the entry was corrected; the earlier versions are its revisions. */
    editedAt: time.nullable(),
    revisionCount: z.number().int(),
    targetSeq: z.number().int().nullable().describe("For an amendment: the entry it changed."),
  })
  .describe("One timestamped entry in an incident's room.");
export type TimelineEventDto = z.infer<typeof ZTimelineEvent>;

export function toEventDto(row: EventRow): TimelineEventDto {
  return {
    id: row.id,
    incidentId: row.incidentId,
    seq: row.seq,
    kind: row.kind,
    body: row.body,
    data: row.data !== null && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : null,
    clientId: row.clientId,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    author: row.author,
    pinned: row.pinned,
    struck: row.struckAt ? { at: row.struckAt.toISOString(), reason: row.struckReason ?? "", by: row.struckBy } : null,
    editedAt: row.editedAt?.toISOString() ?? null,
    revisionCount: row._count.revisions,
    targetSeq: row.targetSeq,
  };
}

// The socket events that carry this DTO, added to realtime's event map (lib/realtime/protocol.ts).
declare module "../realtime/protocol.ts" {
  interface ServerToClientEvents {
    "timeline:event": (payload: { incidentId: string; event: TimelineEventDto }) => void;
  }
}
