// The one place paging writes the "told" record the room, triage and post-mortem read: a
// notification entry (channel pager) per page, and system amendments of it for the vendor's
// answer. Same data shape as the panel's "Mark told"; when the told record gets one domain
// function, this file is the only call to redirect.
import type { Prisma } from "../db/generated/client.ts";
import { appendEvent } from "../timeline/append-event.ts";
import { ZNotificationData } from "../timeline/event-data.ts";
import { eventSelect, toEventDto, type TimelineEventDto } from "../timeline/event-dto.ts";

type Tx = Prisma.TransactionClient;

export async function recordPageTold(
  tx: Tx,
  input: { incidentId: string; teamId: string; teamName: string; body: string; authorId: string | null; occurredAt: Date },
): Promise<TimelineEventDto> {
  const data = ZNotificationData.parse({ target: input.teamName, teamId: input.teamId, channel: "pager", acknowledgedAt: null });
  return appendEvent(tx, {
    incidentId: input.incidentId,
    kind: "notification",
    body: input.body,
    data,
    authorId: input.authorId,
    occurredAt: input.occurredAt,
  });
}

/**
 * Changes the page's notification entry as the system (an acknowledgement from the vendor, or
 * its refusal), keeping a revision and appending the amendment every browser applies. Null when
 * the entry is gone or struck through (someone withdrew it; the vendor's word is then moot).
 */
export async function amendPageTold(
  tx: Tx,
  input: {
    incidentId: string;
    seq: number;
    change: "acknowledge" | "correct";
    body: string;
    patch: { acknowledgedAt?: string; acknowledgedBy?: string; pageError?: string };
  },
): Promise<TimelineEventDto | null> {
  const row = await tx.timelineEvent.findUnique({
    where: { incidentId_seq: { incidentId: input.incidentId, seq: input.seq } },
    select: eventSelect,
  });
  if (!row || row.kind !== "notification" || row.struckAt) return null;
  const before = toEventDto(row);
  const data = ZNotificationData.parse({ ...(before.data ?? {}), ...input.patch });
  await tx.timelineEventRevision.create({
    data: {
      eventId: before.id,
      body: before.body,
      data: (before.data ?? undefined) as Prisma.InputJsonValue | undefined,
      editedById: null,
    },
  });
  const after = toEventDto(
    await tx.timelineEvent.update({ where: { id: before.id }, data: { data: data as Prisma.InputJsonValue }, select: eventSelect }),
  );
  return appendEvent(tx, {
    incidentId: input.incidentId,
    kind: "amendment",
    body: input.body,
    data: { change: input.change, entry: after },
    targetSeq: input.seq,
    authorId: null,
  });
}
