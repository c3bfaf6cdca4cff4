import type { Prisma } from "../db/generated/client.ts";
import type { EventKindName } from "../vocabulary/timeline.ts";
import { eventSelect, toEventDto, type TimelineEventDto } from "./event-dto.ts";

interface NewEvent {
  incidentId: string;
  kind: EventKindName;
  body: string;
  data?: Record<string, unknown> | null;
  targetSeq?: number;
  authorId: string | null;
  clientId?: string;
  occurredAt?: Date;
  /** Only for importing history (the demo seed): when the entry was written down. */
  recordedAt?: Date;
}

/**
 * Takes the next sequence number and stores the event, inside the caller's transaction.
 * The increment locks the incident row until commit, so concurrent writers queue and the
 * sequence stays gapless (a rolled-back transaction gives its number back).
 */
export async function appendEvent(tx: Prisma.TransactionClient, event: NewEvent): Promise<TimelineEventDto> {
  const { lastSeq } = await tx.incident.update({
    where: { id: event.incidentId },
    data: { lastSeq: { increment: 1 } },
    select: { lastSeq: true },
  });
  const row = await tx.timelineEvent.create({
    data: {
      incidentId: event.incidentId,
      seq: lastSeq,
      kind: event.kind,
      body: event.body,
      data: (event.data ?? undefined) as Prisma.InputJsonValue | undefined,
      targetSeq: event.targetSeq,
      authorId: event.authorId,
      clientId: event.clientId,
      occurredAt: event.occurredAt ?? event.recordedAt ?? new Date(),
      recordedAt: event.recordedAt,
    },
    select: eventSelect,
  });
  return toEventDto(row);
}
