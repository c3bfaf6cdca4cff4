import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "../incidents/schemas.ts";
import { publishTimelineEvent } from "../realtime/emit.ts";
import { insertPostedEvent } from "./insert-posted-event.ts";
import { eventSelect, toEventDto, type TimelineEventDto } from "./event-dto.ts";
import { assertNotifiedTeam } from "./notified-team.ts";
import { ZPostEvent } from "./schemas.ts";

export interface PostEventResult {
  event: TimelineEventDto;
  /** False when this clientId was stored before: a retry, answered with the original entry. */
  created: boolean;
}

async function findByClientId(actor: Actor, incidentId: string, clientId: string): Promise<TimelineEventDto | null> {
  const row = await db().timelineEvent.findFirst({
    where: { incidentId, clientId, incident: { organizationId: actor.organizationId } },
    select: eventSelect,
  });
  return row ? toEventDto(row) : null;
}

/** P2002 from a model query; from a raw one, P2010 carrying the driver adapter's cause. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } };
  if (e.code === "P2002") return true;
  const cause = e.meta?.driverAdapterError?.cause;
  return e.code === "P2010" && (cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505" || e.meta?.code === "23505");
}

/** Posts an entry to an incident's timeline. Idempotent on clientId, whatever the retries. */
export async function postEvent(actor: Actor, incidentId: string, input: unknown): Promise<PostEventResult> {
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  assertCan(actor, "timeline:post");
  const data = ZPostEvent.parse(input);

  await assertNotifiedTeam(actor, data.data);

  let event: TimelineEventDto | null;
  try {
    event = await insertPostedEvent(actor, {
      incidentId,
      kind: data.kind,
      body: data.body,
      data: data.data ?? null,
      clientId: data.clientId ?? null,
      occurredAt: data.occurredAt ? new Date(data.occurredAt) : null,
    });
  } catch (error) {
    // A retry of an entry already stored (or two retries racing): answer with the stored row.
    if (data.clientId && isUniqueViolation(error)) {
      const existing = await findByClientId(actor, incidentId, data.clientId);
      if (existing) return { event: existing, created: false };
    }
    if (isUniqueViolation(error)) throw new AppError("conflict", "That entry was already stored");
    throw error;
  }
  if (!event) throw notFound("Incident");

  publishTimelineEvent(event);
  return { event, created: true };
}
