import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import { lockIncident } from "../incident-record/lock-incident.ts";
import { ZIncidentId } from "../incident-record/schemas.ts";
import { publishTimelineEvent } from "../realtime/emit.ts";
import type { AmendmentChange } from "./amendment.ts";
import { appendEvent } from "./append-event.ts";
import { canModerateTimeline } from "./entry-permissions.ts";
import { eventSelect, toEventDto, type TimelineEventDto } from "./event-dto.ts";
import { ZEventSeq } from "./schemas.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";

export interface ChangeResult {
  /** The entry as it is now. */
  entry: TimelineEventDto;
  /** The amendment event that recorded the change; null when nothing changed (a repeated click). */
  amendment: TimelineEventDto | null;
}

export interface ChangePlan {
  change: AmendmentChange;
  /** What the actor did, said after their name: "pinned #12". */
  sentence: string;
  update: Prisma.TimelineEventUncheckedUpdateInput;
  /** Content changes keep the previous body and data as a revision. */
  keepRevision: boolean;
}

export interface ChangeContext {
  isOwn: boolean;
  canModerate: boolean;
}

/** Decides the change from the entry as it is under the lock; throws to refuse, null for no change. */
export type ChangePlanner = (target: TimelineEventDto, who: ChangeContext) => ChangePlan | null;

/**
 * The one way an existing entry changes. In one transaction: lock the incident (scoped to the
 * actor's organisation, so changes and new entries queue in one order), read the entry, let the
 * planner check permission and validate, keep a revision of changed content, update the entry,
 * append an amendment (its own seq, with a snapshot of the entry) and the audit record. Only
 * after commit is the amendment published, through the same stream as new entries.
 */
export async function changeEntry(actor: Actor, incidentId: string, rawSeq: unknown, planner: ChangePlanner): Promise<ChangeResult> {
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  const parsedSeq = ZEventSeq.safeParse(rawSeq);
  if (!parsedSeq.success) throw notFound("Timeline entry");
  const seq = parsedSeq.data;

  const result = await db().$transaction(async (tx): Promise<ChangeResult> => {
    const incident = await lockIncident(tx, actor, incidentId);
    const row = await tx.timelineEvent.findUnique({ where: { incidentId_seq: { incidentId, seq } }, select: eventSelect });
    if (!row) throw notFound(`Timeline entry #${seq}`);
    const before = toEventDto(row);
    const plan = planner(before, { isOwn: before.author?.id === actor.userId, canModerate: canModerateTimeline(actor, incident) });
    if (!plan) return { entry: before, amendment: null };

    if (plan.keepRevision) {
      await tx.timelineEventRevision.create({
        data: {
          eventId: before.id,
          body: before.body,
          data: (before.data ?? undefined) as Prisma.InputJsonValue | undefined,
          editedById: actor.userId,
        },
      });
    }
    const after = toEventDto(await tx.timelineEvent.update({ where: { id: before.id }, data: plan.update, select: eventSelect }));
    const amendment = await appendEvent(tx, {
      incidentId,
      kind: "amendment",
      body: `${actor.name} ${plan.sentence}`,
      data: { change: plan.change, entry: after },
      targetSeq: seq,
      authorId: actor.userId,
    });
    await recordAudit(tx, actor, { action: `timeline.${plan.change}`, entityType: "TimelineEvent", entityId: before.id, before, after });
    return { entry: after, amendment };
  }, TX_OPTIONS);

  if (result.amendment) publishTimelineEvent(result.amendment);
  return result;
}
