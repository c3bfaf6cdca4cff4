import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "../incident-record/schemas.ts";
import { eventSelect, toEventDto, type TimelineEventDto } from "./event-dto.ts";
import { ZEventSeq } from "./schemas.ts";

export interface RevisionDto {
  id: string;
  /** What the entry said before this version was replaced. */
  body: string;
  data: Record<string, unknown> | null;
  /** Who replaced it, and when. */
  editedBy: { id: string; name: string } | null;
  replacedAt: string;
}

export interface EntryHistory {
  entry: TimelineEventDto;
  /** Earlier versions, oldest first; the entry itself is the current one. */
  revisions: RevisionDto[];
}

/** An entry's earlier versions, for "edited · history". Anyone who can read the incident. */
export async function listRevisions(actor: Actor, incidentId: string, rawSeq: unknown): Promise<EntryHistory> {
  assertCan(actor, "incident:read");
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  const seq = ZEventSeq.safeParse(rawSeq);
  if (!seq.success) throw notFound("Timeline entry");
  const row = await db().timelineEvent.findFirst({
    where: { seq: seq.data, incident: { id: incidentId, organizationId: actor.organizationId } },
    select: {
      ...eventSelect,
      revisions: {
        orderBy: [{ replacedAt: "asc" }, { id: "asc" }],
        select: { id: true, body: true, data: true, replacedAt: true, editedBy: { select: { id: true, name: true } } },
      },
    },
  });
  if (!row) throw notFound(`Timeline entry #${seq.data}`);
  const { revisions, ...event } = row;
  return {
    entry: toEventDto(event),
    revisions: revisions.map((r) => ({
      id: r.id,
      body: r.body,
      data: r.data !== null && typeof r.data === "object" && !Array.isArray(r.data) ? (r.data as Record<string, unknown>) : null,
      editedBy: r.editedBy,
      replacedAt: r.replacedAt.toISOString(),
    })),
  };
}
