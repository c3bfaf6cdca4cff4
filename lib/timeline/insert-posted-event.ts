import { rolesWith, type RoleName } from "../auth/permissions.ts";
import { preparedQuery } from "../db/client.ts";
import { principalMark, type ApiTokenRef } from "../audit/audit-principal.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { EventKindName } from "../vocabulary/timeline.ts";
import { toEventDto, type TimelineEventDto } from "./event-dto.ts";
import { AUDIT } from "./posted-event-audit.ts";

export interface PostedEvent {
  incidentId: string;
  kind: EventKindName;
  body: string;
  data: Record<string, unknown> | null;
  clientId: string | null;
  occurredAt: Date | null;
}

/** What the statement found: the entry, or which check stopped it (nothing was written then). */
export type InsertOutcome =
  | { outcome: "stored"; event: TimelineEventDto }
  | { outcome: "no_user" }
  | { outcome: "not_permitted"; role: RoleName }
  | { outcome: "no_incident" };

interface Row {
  role: RoleName;
  name: string;
  id: string | null;
  seq: number | null;
  kind: EventKindName | null;
  body: string | null;
  data: unknown;
  clientId: string | null;
  occurredAt: Date | null;
  recordedAt: Date | null;
  pinned: boolean | null;
  targetSeq: number | null;
}

const POSTERS = rolesWith("timeline:post").join(",");

// toISOString's format; the columns keep milliseconds (timestamptz(3)), so it is exact.
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', ${ISO})`;

// $1 user, $2 incident, $3 kind, $4 body, $5 data (JSON text), $6 clientId, $7 occurredAt, $8 posting roles,
// $9 the session's version (null: any; an API token's user was checked when the token was),
// $10 the audit action, $11 its entity type, $12 the principal's mark on `after` (an API token's; see audit-principal.ts).
// The audit's `after` is toEventDto's shape for a new entry (nothing struck, corrected or revised
// yet); tests/integration/posted-event-audit.test.ts holds it equal to appendEvent + recordAudit's.
const POST_EVENT = {
  name: "warroom_post_event_v4",
  text: `
    WITH author AS (
      SELECT "id", "organizationId", "role"::text AS "role", "name" FROM "User" WHERE "id" = $1::uuid
        AND "deactivatedAt" IS NULL AND NOT "pendingInvite" AND ($9::int IS NULL OR "sessionVersion" = $9::int)
    ), inc AS (
      UPDATE "Incident" SET "lastSeq" = "lastSeq" + 1, "updatedAt" = now()
      FROM author
      WHERE "Incident"."id" = $2::uuid AND "Incident"."organizationId" = author."organizationId"
        AND author."role" = ANY(string_to_array($8::text, ','))
      RETURNING "Incident"."id", "Incident"."lastSeq"
    ), ev AS (
      INSERT INTO "TimelineEvent" ("id", "incidentId", "seq", "kind", "body", "data", "authorId", "clientId", "occurredAt", "recordedAt")
      SELECT gen_random_uuid(), inc."id", inc."lastSeq", $3::text::"EventKind", $4::text, $5::text::jsonb,
             $1::uuid, $6::text, COALESCE($7::timestamptz, now()), now()
      FROM inc
      RETURNING "id", "incidentId", "seq", "kind"::text AS "kind", "body", "data", "clientId", "occurredAt", "recordedAt", "pinned", "editedAt", "targetSeq"
    ), audit AS (
      INSERT INTO "AuditLog" ("id", "organizationId", "actorId", "action", "entityType", "entityId", "after", "createdAt")
      SELECT gen_random_uuid(), author."organizationId", author."id", $10::text, $11::text, ev."id"::text,
        jsonb_build_object(
          'id', ev."id", 'incidentId', ev."incidentId", 'seq', ev."seq", 'kind', ev."kind", 'body', ev."body",
          'data', CASE WHEN jsonb_typeof(ev."data") = 'object' THEN ev."data" END, 'clientId', ev."clientId",
          'occurredAt', ${iso('ev."occurredAt"')}, 'recordedAt', ${iso('ev."recordedAt"')},
          'author', jsonb_build_object('id', author."id", 'name', author."name"),
          'pinned', ev."pinned", 'struck', NULL::jsonb, 'editedAt', ${iso('ev."editedAt"')}, 'revisionCount', 0, 'targetSeq', ev."targetSeq"
        ) || $12::text::jsonb,
        now()
      FROM ev, author
    )
    SELECT author."role", author."name", ev."id"::text AS "id", ev."seq", ev."kind", ev."body", ev."data", ev."clientId",
           ev."occurredAt", ev."recordedAt", ev."pinned", ev."targetSeq"
    FROM author LEFT JOIN ev ON true`,
};

/**
 * The hot path of the room: one statement that reads the author, checks they may post and that
 * the incident is their organisation's, takes the next sequence number under the incident's row
 * lock, stores the entry and its audit row (the row recordAudit writes with postedEventAudit). One
 * statement is one transaction in PostgreSQL, so this is as atomic as appendEvent + recordAudit, in one round trip instead of six (measured in
 * bench/load.ts). The author's checks are in the statement so that a browser session, known only
 * by its user id, needs no round trip of its own to resolve its user (postEventAsUser).
 * It runs as a named statement on the driver rather than through Prisma: planning this statement
 * on every post cost about 0.4 ms of the database's time and Prisma's query path about 0.25 ms of
 * ours (pgbench and CPU profiles of the load benchmark; see the README).
 * A clientId stored before fails the unique index, which the caller turns into "answer with the
 * stored entry".
 */
export async function insertPostedEvent(
  userId: string,
  event: PostedEvent,
  sessionVersion: number | null = null,
  apiToken?: ApiTokenRef,
): Promise<InsertOutcome> {
  const dataJson = event.data === null ? null : JSON.stringify(event.data);
  const mark = JSON.stringify(principalMark(apiToken));
  const values = [
    userId,
    event.incidentId,
    event.kind,
    event.body,
    dataJson,
    event.clientId,
    event.occurredAt,
    POSTERS,
    sessionVersion,
    AUDIT.action,
    AUDIT.entityType,
    mark,
  ];
  const row = (await preparedQuery<Row>(POST_EVENT, values))[0];
  if (!row) return { outcome: "no_user" };
  if (row.id === null || row.seq === null || row.kind === null || row.body === null || row.occurredAt === null || row.recordedAt === null) {
    return POSTERS.split(",").includes(row.role) ? { outcome: "no_incident" } : { outcome: "not_permitted", role: row.role };
  }
  // A new entry has nothing struck or revised yet, and its author is the poster: no read needed.
  const dto = toEventDto({
    id: row.id,
    incidentId: event.incidentId,
    seq: Number(row.seq),
    kind: row.kind,
    body: row.body,
    data: (row.data ?? null) as Prisma.JsonValue,
    clientId: row.clientId,
    occurredAt: new Date(row.occurredAt),
    recordedAt: new Date(row.recordedAt),
    pinned: row.pinned ?? false,
    struckAt: null,
    struckReason: null,
    editedAt: null,
    targetSeq: row.targetSeq === null ? null : Number(row.targetSeq),
    author: { id: userId, name: row.name },
    struckBy: null,
    _count: { revisions: 0 },
  });
  return { outcome: "stored", event: dto };
}
