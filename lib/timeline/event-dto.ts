import type { Prisma } from "../db/generated/client.ts";
import type { EventKindName } from "./constants.ts";

export const eventSelect = {
  id: true,
  incidentId: true,
  seq: true,
  kind: true,
  body: true,
  clientId: true,
  occurredAt: true,
  recordedAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.TimelineEventSelect;

type EventRow = Prisma.TimelineEventGetPayload<{ select: typeof eventSelect }>;

/** What the API returns and sockets push; the client reducer works on this shape. */
export interface TimelineEventDto {
  id: string;
  incidentId: string;
  seq: number;
  kind: EventKindName;
  body: string;
  clientId: string | null;
  occurredAt: string;
  recordedAt: string;
  author: { id: string; name: string } | null;
}

export function toEventDto(row: EventRow): TimelineEventDto {
  return {
    id: row.id,
    incidentId: row.incidentId,
    seq: row.seq,
    kind: row.kind,
    body: row.body,
    clientId: row.clientId,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    author: row.author,
  };
}
