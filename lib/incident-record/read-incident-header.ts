import { assertCan, type Actor } from "../auth/actor.ts";
import { preparedQuery } from "../db/client.ts";
import type { PreparedStatement } from "../db/open-database.ts";
import { notFound } from "../errors/app-error.ts";
import { toIncidentDto, type IncidentDto, type IncidentRow } from "./incident-dto.ts";
import { ZIncidentId } from "./schemas.ts";

// The same incident as getIncidentOrThrow, in ONE statement. The ORM reads `incidentSelect` as
// eleven (the incident, then one per relation: five people, responders, services, their teams),
// and when a thousand people join a SEV1's room those reads were the largest part of a join
// (issue #17, counted with BENCH_LOG_STATEMENTS). The row has incidentSelect's shape, so
// toIncidentDto builds the DTO from either; tests/integration/incident-header.test.ts holds the two
// reads equal for an incident with every relation filled, and for one with none.
const person = (column: string) => `(SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = i."${column}")`;

const HEADER: PreparedStatement = {
  name: "warroom_incident_header_v1",
  text: `
SELECT i.id, i.number, i.title, i.summary, i.severity::text AS severity, i.status::text AS status,
       i."customerStatus", i.tags, i."startedAt", i."detectedAt", i."acknowledgedAt", i."mitigatedAt",
       i."resolvedAt", i."createdAt", i."updatedAt", i."lastSeq", i."drillId",
       ${person("commanderId")} AS commander,
       ${person("declaredById")} AS "declaredBy",
       ${person("commsLeadId")} AS "commsLead",
       ${person("scribeId")} AS scribe,
       ${person("suggestedCommanderId")} AS "suggestedCommander",
       COALESCE((SELECT json_agg(json_build_object('user', json_build_object('id', u.id, 'name', u.name)) ORDER BY r."addedAt")
                   FROM "IncidentResponder" r JOIN "User" u ON u.id = r."userId" WHERE r."incidentId" = i.id), '[]'::json) AS responders,
       COALESCE((SELECT json_agg(json_build_object('service', json_build_object('id', s.id, 'name', s.name, 'tier', s.tier,
                                   'team', json_build_object('id', t.id, 'name', t.name))) ORDER BY s.tier, s.name)
                   FROM "IncidentService" x JOIN "Service" s ON s.id = x."serviceId" JOIN "Team" t ON t.id = s."teamId"
                  WHERE x."incidentId" = i.id), '[]'::json) AS services
  FROM "Incident" i
 WHERE i.id = $1::uuid AND i."organizationId" = $2::uuid`,
};

/** Scoped to the actor's organisation in the statement; a foreign or malformed id is a 404. */
export async function readIncidentHeader(actor: Actor, incidentId: string): Promise<IncidentDto> {
  assertCan(actor, "incident:read");
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  const [row] = await preparedQuery<IncidentRow>(HEADER, [incidentId, actor.organizationId]);
  if (!row) throw notFound("Incident");
  return toIncidentDto(row);
}
