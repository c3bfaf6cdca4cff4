import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "../incidents/schemas.ts";
import { eventSelect, toEventDto, type TimelineEventDto } from "./event-dto.ts";
import { ZListEvents } from "./schemas.ts";

export interface EventPage {
  events: TimelineEventDto[];
  lastSeq: number;
  /** More events exist in the direction asked for (newer for `after`, older otherwise). */
  hasMore: boolean;
}

/**
 * Pages an incident's timeline in sequence order. `after` catches up a reconnecting client;
 * without it the newest page is returned (optionally `before` a seq, to scroll back).
 */
export async function listEvents(actor: Actor, incidentId: string, query: unknown): Promise<EventPage> {
  assertCan(actor, "incident:read");
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  const q = ZListEvents.parse(query);
  const incident = await db().incident.findFirst({
    where: { id: incidentId, organizationId: actor.organizationId },
    select: { lastSeq: true },
  });
  if (!incident) throw notFound("Incident");
  const { lastSeq } = incident;

  if (q.after !== undefined) {
    if (q.after > lastSeq) {
      throw new AppError("validation_failed", `Invalid input — after: must be at most ${lastSeq}, the latest sequence`, {
        fields: [{ field: "after", message: `must be at most ${lastSeq}, the latest sequence` }],
      });
    }
    const rows = await db().timelineEvent.findMany({
      where: { incidentId, seq: { gt: q.after } },
      orderBy: { seq: "asc" },
      take: q.limit + 1,
      select: eventSelect,
    });
    return { events: rows.slice(0, q.limit).map(toEventDto), lastSeq, hasMore: rows.length > q.limit };
  }

  const rows = await db().timelineEvent.findMany({
    where: { incidentId, ...(q.before !== undefined ? { seq: { lt: q.before } } : {}) },
    orderBy: { seq: "desc" },
    take: q.limit + 1,
    select: eventSelect,
  });
  return { events: rows.slice(0, q.limit).reverse().map(toEventDto), lastSeq, hasMore: rows.length > q.limit };
}
