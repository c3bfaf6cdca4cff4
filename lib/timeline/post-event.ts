import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "../incidents/schemas.ts";
import { publishTimelineEvent } from "../realtime/emit.ts";
import { appendEvent } from "./append-event.ts";
import { eventSelect, toEventDto, type TimelineEventDto } from "./event-dto.ts";
import { assertNotifiedTeam } from "./notified-team.ts";
import { ZPostEvent } from "./schemas.ts";

export interface PostEventResult {
  event: TimelineEventDto;
  /** False when this clientId was stored before: a retry, answered with the original entry. */
  created: boolean;
}

async function findByClientId(incidentId: string, clientId: string): Promise<TimelineEventDto | null> {
  const row = await db().timelineEvent.findUnique({
    where: { incidentId_clientId: { incidentId, clientId } },
    select: eventSelect,
  });
  return row ? toEventDto(row) : null;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Posts an entry to an incident's timeline. Idempotent on clientId, whatever the retries. */
export async function postEvent(actor: Actor, incidentId: string, input: unknown): Promise<PostEventResult> {
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  assertCan(actor, "timeline:post");
  const data = ZPostEvent.parse(input);

  const incident = await db().incident.findFirst({
    where: { id: incidentId, organizationId: actor.organizationId },
    select: { id: true, status: true },
  });
  if (!incident) throw notFound("Incident");
  await assertNotifiedTeam(actor, data.data);

  if (data.clientId) {
    const existing = await findByClientId(incidentId, data.clientId);
    if (existing) return { event: existing, created: false };
  }

  let event: TimelineEventDto;
  try {
    event = await db().$transaction(
      async (tx) => {
        const stored = await appendEvent(tx, {
          incidentId,
          kind: data.kind,
          body: data.body,
          data: data.data,
          authorId: actor.userId,
          clientId: data.clientId,
          occurredAt: data.occurredAt ? new Date(data.occurredAt) : undefined,
        });
        await recordAudit(tx, actor, { action: "timeline.post", entityType: "TimelineEvent", entityId: stored.id, after: stored });
        return stored;
      },
      { maxWait: 10_000, timeout: 15_000 },
    );
  } catch (error) {
    // Two retries of one entry raced past the check above: the loser returns the winner's row.
    if (data.clientId && isUniqueViolation(error)) {
      const existing = await findByClientId(incidentId, data.clientId);
      if (existing) return { event: existing, created: false };
    }
    if (isUniqueViolation(error)) throw new AppError("conflict", "That entry was already stored");
    throw error;
  }

  publishTimelineEvent(event);
  return { event, created: true };
}
