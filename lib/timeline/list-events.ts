import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "../incident-record/schemas.ts";
import { eventSelect, toEventDto, type TimelineEventDto } from "./event-dto.ts";
import type { Prisma } from "../db/generated/client.ts";
import { isFiltered, ZListEvents } from "./schemas.ts";
import { invalidField } from "../errors/field-errors.ts";

export interface EventPage {
  events: TimelineEventDto[];
  lastSeq: number;
  /** More events exist in the direction asked for (newer for `after`, older otherwise). */
  hasMore: boolean;
}

type ListQuery = ReturnType<typeof ZListEvents.parse>;

/** Prisma passes `contains` into LIKE as is: a searched "50%" or "a_b" must match literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The history view's filters. Without any, the page is the raw stream (amendments and struck
 * entries included, as browsers need them to stay gapless); with any, change records and
 * struck-through entries are left out unless asked for (`kind=amendment`, `includeStruck=true`).
 */
function historyFilter(q: ListQuery): Prisma.TimelineEventWhereInput {
  if (!isFiltered(q)) return {};
  return {
    kind: q.kind ? { in: q.kind } : { not: "amendment" },
    ...(q.author !== undefined ? { authorId: q.author } : {}),
    ...(q.pinned !== undefined ? { pinned: q.pinned } : {}),
    ...(q.q !== undefined ? { body: { contains: escapeLike(q.q), mode: "insensitive" as const } } : {}),
    ...(q.includeStruck ? {} : { struckAt: null }),
  };
}

/**
 * Pages an incident's timeline in sequence order. `after` catches up a reconnecting client;
 * without it the newest page is returned (optionally `before` a seq, to scroll back), filtered
 * when the query names any of kind, author, pinned, q or includeStruck.
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
      throw invalidField("after", `must be at most ${lastSeq}, the latest sequence`);
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
    where: { incidentId, ...(q.before !== undefined ? { seq: { lt: q.before } } : {}), ...historyFilter(q) },
    orderBy: { seq: "desc" },
    take: q.limit + 1,
    select: eventSelect,
  });
  return { events: rows.slice(0, q.limit).reverse().map(toEventDto), lastSeq, hasMore: rows.length > q.limit };
}
