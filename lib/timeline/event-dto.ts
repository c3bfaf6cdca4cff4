import type { Prisma } from "../db/generated/client.ts";
import type { EventKindName } from "../vocabulary/timeline.ts";

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

/** What the API returns and sockets push; the client reducer works on this shape. */
export interface TimelineEventDto {
  id: string;
  incidentId: string;
  seq: number;
  kind: EventKindName;
  body: string;
  /** Kind-specific fields (see lib/timeline/event-data.ts); null for plain notes. */
  data: Record<string, unknown> | null;
  clientId: string | null;
  occurredAt: string;
  recordedAt: string;
  author: { id: string; name: string } | null;
  pinned: boolean;
  struck: { at: string; reason: string; by: { id: string; name: string } | null } | null;
  /** Set once the entry was corrected; the earlier versions are its revisions. */
  editedAt: string | null;
  revisionCount: number;
  /** For an amendment: the seq of the entry it changed. */
  targetSeq: number | null;
}

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
