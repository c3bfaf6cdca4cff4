import { assertCan, type Actor } from "../auth/actor.ts";
import { blastRadius, buildGraphIndex } from "../catalog/blast-radius.ts";
import { db, preparedQuery } from "../db/client.ts";
import type { PreparedStatement } from "../db/open-database.ts";
import { notFound } from "../errors/app-error.ts";
import { toldByTeam } from "../timeline/told.ts";
import { ZIncidentId } from "../incident-record/schemas.ts";

interface Named {
  id: string;
  name: string;
}

/** The latest notification entry for a team: who told them, when, how, and whether they answered. */
export interface TeamNotification {
  seq: number;
  by: Named | null;
  at: string;
  channel: string;
  acknowledgedAt: string | null;
  data: Record<string, unknown>;
}

export interface BlastRadiusDto {
  impacted: Named[];
  /** Services that depend on an impacted one, with the shortest path down to it (names). */
  affected: { service: Named; team: Named; depth: number; path: string[]; isSyncPath: boolean }[];
  /** What the impacted services call: where to look for a cause. */
  suspects: { service: Named; team: Named; isCritical: boolean }[];
  journeys: string[];
  /** Teams that must hear about it: owners of impacted services first, then by distance. */
  teams: {
    team: Named & { chatChannel: string | null };
    owns: string[];
    affectedVia: { service: string; path: string[] }[];
    depth: number;
    notification: TeamNotification | null;
  }[];
}

/**
 * The blast radius of an incident's impacted services over the organisation's dependency map,
 * computed on the server from the catalog as it is now.
 */
export async function getIncidentBlastRadius(actor: Actor, incidentId: string): Promise<BlastRadiusDto> {
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  const radius = (await getBlastRadii(actor, [incidentId])).get(incidentId);
  if (!radius) throw notFound("Incident");
  return radius;
}

/**
 * The blast radius of several incidents of the actor's organisation (others are left out) in a
 * fixed number of queries: the catalog and the index over it are built once, not per incident,
 * which is what keeps the triage board cheap with many incidents open.
 */
export async function getBlastRadii(actor: Actor, incidentIds: readonly string[]): Promise<Map<string, BlastRadiusDto>> {
  assertCan(actor, "incident:read");
  const ids = [...new Set(incidentIds)].filter((id) => ZIncidentId.safeParse(id).success);
  if (!ids.length) return new Map();
  const organizationId = actor.organizationId;
  const incidents = await db().incident.findMany({
    where: { id: { in: ids }, organizationId },
    select: { id: true, services: { select: { serviceId: true } } },
  });
  if (!incidents.length) return new Map();
  const [catalog, notifications] = await Promise.all([
    readCatalog(organizationId),
    db().timelineEvent.findMany({
      where: { incidentId: { in: incidents.map((i) => i.id) }, kind: "notification", struckAt: null },
      orderBy: [{ incidentId: "asc" }, { seq: "asc" }],
      select: { incidentId: true, seq: true, data: true, occurredAt: true, author: { select: { id: true, name: true } } },
    }),
  ]);
  const byIncident = new Map<string, IncidentNotificationRow[]>();
  for (const { incidentId, ...row } of notifications) byIncident.set(incidentId, [...(byIncident.get(incidentId) ?? []), row]);
  return blastRadiiOf(
    catalog,
    incidents.map((i) => ({ id: i.id, serviceIds: i.services.map((s) => s.serviceId), notifications: byIncident.get(i.id) ?? [] })),
  );
}

/** The organisation's catalog as the blast radius needs it: services, dependencies, teams. */
export interface Catalog {
  services: { id: string; name: string; teamId: string; journeys: string[] }[];
  dependencies: { fromId: string; toId: string; isAsync: boolean; isCritical: boolean }[];
  teams: { id: string; name: string; chatChannel: string | null }[];
}

// One statement rather than three: the room's blast radius and every triage render read it.
const CATALOG: PreparedStatement = {
  name: "warroom_blast_catalog_v1",
  text: `
SELECT COALESCE((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'teamId', s."teamId", 'journeys', s.journeys))
                   FROM "Service" s WHERE s."organizationId" = $1::uuid), '[]'::json) AS services,
       COALESCE((SELECT json_agg(json_build_object('fromId', d."fromId", 'toId', d."toId", 'isAsync', d."isAsync", 'isCritical', d."isCritical"))
                   FROM "ServiceDependency" d JOIN "Service" f ON f.id = d."fromId" WHERE f."organizationId" = $1::uuid), '[]'::json) AS dependencies,
       COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'chatChannel', t."chatChannel"))
                   FROM "Team" t WHERE t."organizationId" = $1::uuid), '[]'::json) AS teams`,
};

export async function readCatalog(organizationId: string): Promise<Catalog> {
  const [row] = await preparedQuery<Catalog>(CATALOG, [organizationId]);
  return row ?? { services: [], dependencies: [], teams: [] };
}

/** A notification entry of an incident's timeline, with its author. */
export interface IncidentNotificationRow {
  seq: number;
  data: unknown;
  occurredAt: Date;
  author: Named | null;
}

/** Pure: each incident's blast radius over the catalog, with the latest word to each team. */
export function blastRadiiOf(
  { services, dependencies, teams }: Catalog,
  incidents: readonly { id: string; serviceIds: readonly string[]; notifications: readonly IncidentNotificationRow[] }[],
): Map<string, BlastRadiusDto> {
  const out = new Map<string, BlastRadiusDto>();
  const index = buildGraphIndex({ services, dependencies });
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const named = (id: string): Named => ({ id, name: serviceById.get(id)?.name ?? "Unknown service" });
  const teamOf = (serviceId: string): Named => {
    const team = teamById.get(serviceById.get(serviceId)?.teamId ?? "");
    return team ? { id: team.id, name: team.name } : { id: "", name: "Unknown team" };
  };
  const names = (path: readonly string[]) => path.map((id) => named(id).name);

  for (const incident of incidents) {
    const radius = blastRadius(index, incident.serviceIds);
    const notified = latestNotifications(incident.notifications);
    out.set(incident.id, {
      impacted: radius.impacted.map(named),
      affected: radius.affected.map((a) => ({
        service: named(a.serviceId),
        team: teamOf(a.serviceId),
        depth: a.depth,
        path: names(a.path),
        isSyncPath: a.isSyncPath,
      })),
      suspects: radius.suspects.map((s) => ({ service: named(s.serviceId), team: teamOf(s.serviceId), isCritical: s.isCritical })),
      journeys: [...radius.journeys],
      teams: radius.teams.map((t) => {
        const team = teamById.get(t.teamId);
        return {
          team: { id: t.teamId, name: team?.name ?? "Unknown team", chatChannel: team?.chatChannel ?? null },
          owns: t.owns.map((id) => named(id).name),
          affectedVia: t.affectedVia.map((v) => ({ service: named(v.serviceId).name, path: names(v.path) })),
          depth: t.depth,
          notification: notified.get(t.teamId) ?? null,
        };
      }),
    });
  }
  return out;
}

/** The state of each team told in one incident: the one notion of "told" (lib/timeline/told.ts). */
function latestNotifications(rows: readonly IncidentNotificationRow[]): Map<string, TeamNotification> {
  const notified = new Map<string, TeamNotification>();
  // Later entries win: the last word on each team is its state.
  for (const [teamId, { latest: n, data }] of toldByTeam(rows)) {
    notified.set(teamId, {
      seq: n.seq,
      by: n.author,
      at: n.occurredAt.toISOString(),
      channel: typeof data.channel === "string" ? data.channel : "other",
      acknowledgedAt: typeof data.acknowledgedAt === "string" ? data.acknowledgedAt : null,
      data,
    });
  }
  return notified;
}
