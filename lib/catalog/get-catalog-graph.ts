import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { incidentRef, type SeverityName } from "../vocabulary/incidents.ts";
import type { HealthName, JourneyName, ServiceKindName } from "../vocabulary/catalog.ts";

export interface GraphTeamDto {
  id: string;
  name: string;
  chatChannel: string | null;
  onCall: string[];
  escalationContact: string;
}

export interface GraphIncidentRef {
  id: string;
  number: number;
  ref: string;
  title: string;
  severity: SeverityName;
}

export interface GraphServiceDto {
  id: string;
  name: string;
  kind: ServiceKindName;
  tier: number;
  team: { id: string; name: string };
  journeys: JourneyName[];
  description: string;
  health: HealthName;
  healthMessage: string;
  healthCheckedAt: string | null;
  /** The server polls a health-check URL for it (the URL itself stays out of the map). */
  isPolled: boolean;
  runbookUrl: string | null;
  /** Unresolved incidents that list this service as impacted, worst first. */
  openIncidents: GraphIncidentRef[];
}

export interface GraphDependencyDto {
  /** `from` depends on (calls) `to`. */
  from: string;
  to: string;
  async: boolean;
  critical: boolean;
}

export interface CatalogGraphDto {
  teams: GraphTeamDto[];
  services: GraphServiceDto[];
  dependencies: GraphDependencyDto[];
}

/** The organisation's dependency map: everything the map page draws, in one read. */
export async function getCatalogGraph(actor: Actor): Promise<CatalogGraphDto> {
  assertCan(actor, "incident:read");
  const organizationId = actor.organizationId;
  const [teams, services, dependencies, links] = await Promise.all([
    db().team.findMany({
      where: { organizationId },
      select: { id: true, name: true, chatChannel: true, onCall: true, escalationContact: true },
      orderBy: { name: "asc" },
    }),
    db().service.findMany({
      where: { organizationId },
      select: {
        id: true,
        name: true,
        kind: true,
        tier: true,
        journeys: true,
        description: true,
        health: true,
        healthMessage: true,
        healthCheckedAt: true,
        healthCheckUrl: true,
        runbookUrl: true,
        team: { select: { id: true, name: true } },
      },
      orderBy: [{ tier: "asc" }, { name: "asc" }],
    }),
    db().serviceDependency.findMany({
      where: { from: { organizationId }, to: { organizationId } },
      select: { fromId: true, toId: true, isAsync: true, isCritical: true },
    }),
    db().incidentService.findMany({
      where: { incident: { organizationId, status: { not: "resolved" } }, service: { organizationId } },
      select: { serviceId: true, incident: { select: { id: true, number: true, title: true, severity: true } } },
      orderBy: [{ incident: { severity: "asc" } }, { incident: { number: "desc" } }],
    }),
  ]);

  const incidentsByService = new Map<string, GraphIncidentRef[]>();
  for (const { serviceId, incident } of links) {
    const list = incidentsByService.get(serviceId) ?? [];
    list.push({ ...incident, ref: incidentRef(incident.number) });
    incidentsByService.set(serviceId, list);
  }

  return {
    teams,
    services: services.map(({ healthCheckUrl, healthCheckedAt, ...s }) => ({
      ...s,
      healthCheckedAt: healthCheckedAt?.toISOString() ?? null,
      isPolled: Boolean(healthCheckUrl),
      openIncidents: incidentsByService.get(s.id) ?? [],
    })),
    dependencies: dependencies.map((d) => ({ from: d.fromId, to: d.toId, async: d.isAsync, critical: d.isCritical })),
  };
}
