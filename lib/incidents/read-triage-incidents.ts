import { preparedQuery } from "../db/client.ts";
import type { PreparedStatement } from "../db/open-database.ts";
import type { ImpactIncidentRow, Participant } from "../impact/impact-row.ts";
import type { IncidentNotificationRow } from "./get-blast-radius.ts";

// The triage board's incidents in ONE statement. Through the ORM the same data took sixteen
// (the incidents, one per relation and nested relation, the participants, the promised updates,
// the incidents' services again and their notifications with authors), and at about a
// millisecond of server CPU each they were most of a /triage render's cost (issue #17, measured
// with --cpu-prof). The impact part has impactIncidentSelect's shape, so summarizeImpactRow
// computes from either read; tests/integration/triage-one-statement.test.ts holds the board built
// from this equal to the board built from the ORM's reads.
const person = (column: string) => `(SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = i."${column}")`;
const author = `CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END`;

const ACTIVE: PreparedStatement = {
  name: "warroom_triage_incidents_v1",
  text: `
SELECT i.id, i.number, i.title, i."drillId", i.severity::text AS severity, i.status::text AS status,
       i."startedAt", i."createdAt", i."resolvedAt", i."commanderId", i."commsLeadId", i."scribeId",
       ${person("commanderId")} AS commander,
       ${person("suggestedCommanderId")} AS "suggestedCommander",
       COALESCE((SELECT json_agg(json_build_object('userId', r."userId", 'addedAt', r."addedAt"))
                   FROM "IncidentResponder" r WHERE r."incidentId" = i.id), '[]'::json) AS responders,
       COALESCE((SELECT json_agg(json_build_object('serviceId', x."serviceId", 'tier', s.tier))
                   FROM "IncidentService" x JOIN "Service" s ON s.id = x."serviceId" WHERE x."incidentId" = i.id), '[]'::json) AS services,
       COALESCE((SELECT json_agg(json_build_object('journey', c.journey, 'degradation', c.degradation, 'effectiveAt', c."effectiveAt",
                                   'failedCheckouts', c."failedCheckouts", 'errorRate', c."errorRate", 'supportTickets', c."supportTickets",
                                   'surveyResponses', c."surveyResponses", 'recordedAt', c."recordedAt", 'estimated', c.estimated,
                                   'author', ${author}) ORDER BY c."eventSeq", c."recordedAt")
                   FROM "IncidentImpactChange" c LEFT JOIN "User" u ON u.id = c."authorId" WHERE c."incidentId" = i.id), '[]'::json) AS "impactChanges",
       COALESCE((SELECT json_agg(json_build_object('occurredAt', e."occurredAt", 'data', e.data) ORDER BY e.seq)
                   FROM "TimelineEvent" e WHERE e."incidentId" = i.id AND e.kind = 'role_change'), '[]'::json) AS "roleChanges",
       COALESCE((SELECT json_agg(json_build_object('userId', p."authorId", 'firstAt', p."firstAt", 'lastAt', p."lastAt"))
                   FROM (SELECT e."authorId", min(e."recordedAt") AS "firstAt", max(e."recordedAt") AS "lastAt"
                           FROM "TimelineEvent" e WHERE e."incidentId" = i.id AND e."authorId" IS NOT NULL GROUP BY e."authorId") p), '[]'::json) AS participants,
       COALESCE((SELECT json_agg(json_build_object('seq', e.seq, 'data', e.data, 'occurredAt', e."occurredAt", 'author', ${author}) ORDER BY e.seq)
                   FROM "TimelineEvent" e LEFT JOIN "User" u ON u.id = e."authorId"
                  WHERE e."incidentId" = i.id AND e.kind = 'notification' AND e."struckAt" IS NULL), '[]'::json) AS notifications,
       (SELECT s."nextUpdateBy" FROM "StakeholderUpdate" s WHERE s."organizationId" = i."organizationId" AND s."incidentId" = i.id
         ORDER BY s."createdAt" DESC, s."eventSeq" DESC LIMIT 1) AS "stakeholderUpdateDueAt"
  FROM "Incident" i
 WHERE i."organizationId" = $1::uuid AND i.status <> 'resolved'`,
};

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

interface ActiveRow {
  id: string;
  number: number;
  title: string;
  drillId: string | null;
  severity: ImpactIncidentRow["severity"];
  status: ImpactIncidentRow["status"];
  startedAt: Date;
  createdAt: Date;
  resolvedAt: Date | null;
  commanderId: string | null;
  commsLeadId: string | null;
  scribeId: string | null;
  commander: ImpactIncidentRow["commander"];
  suggestedCommander: ImpactIncidentRow["suggestedCommander"];
  responders: { userId: string; addedAt: string }[];
  services: { serviceId: string; tier: number }[];
  impactChanges: Json<ImpactIncidentRow["impactChanges"][number]>[];
  roleChanges: { occurredAt: string; data: ImpactIncidentRow["events"][number]["data"] }[];
  participants: Json<Participant>[];
  notifications: Json<IncidentNotificationRow>[];
  stakeholderUpdateDueAt: Date | null;
}

/** One active incident of the board: what its impact, blast radius and update flag are computed from. */
export interface TriageIncidentRecord {
  incident: ImpactIncidentRow;
  participants: Participant[];
  serviceIds: string[];
  notifications: IncidentNotificationRow[];
  stakeholderUpdateDueAt: string | null;
}

const date = (iso: string) => new Date(iso);

/** Every not-resolved incident of the organisation (the caller has checked the actor may read them). */
export async function readTriageIncidents(organizationId: string): Promise<TriageIncidentRecord[]> {
  const rows = await preparedQuery<ActiveRow>(ACTIVE, [organizationId]);
  return rows.map((r) => ({
    incident: {
      id: r.id,
      number: r.number,
      title: r.title,
      drillId: r.drillId,
      severity: r.severity,
      status: r.status,
      startedAt: r.startedAt,
      createdAt: r.createdAt,
      resolvedAt: r.resolvedAt,
      commanderId: r.commanderId,
      commsLeadId: r.commsLeadId,
      scribeId: r.scribeId,
      commander: r.commander,
      suggestedCommander: r.suggestedCommander,
      responders: r.responders.map((x) => ({ userId: x.userId, addedAt: date(x.addedAt) })),
      services: r.services.map((x) => ({ service: { tier: x.tier } })),
      impactChanges: r.impactChanges.map((c) => ({ ...c, effectiveAt: date(c.effectiveAt), recordedAt: date(c.recordedAt) })),
      events: r.roleChanges.map((e) => ({ occurredAt: date(e.occurredAt), data: e.data })),
    },
    participants: r.participants.map((p) => ({ userId: p.userId, firstAt: date(p.firstAt), lastAt: date(p.lastAt) })),
    serviceIds: r.services.map((x) => x.serviceId),
    notifications: r.notifications.map((n) => ({ ...n, occurredAt: date(n.occurredAt) })),
    stakeholderUpdateDueAt: r.stakeholderUpdateDueAt?.toISOString() ?? null,
  }));
}
