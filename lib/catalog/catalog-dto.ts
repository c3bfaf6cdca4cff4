// Client-safe shapes of the catalog as the API and pages return it.
import type { RoleName } from "../auth/permissions.ts";
import type { SeverityName, StatusName } from "../vocabulary/incidents.ts";
import type { HealthName, JourneyName, ServiceKindName } from "../vocabulary/catalog.ts";

export interface NamedRef {
  id: string;
  name: string;
}

export interface TeamMemberRef extends NamedRef {
  email: string;
  role: RoleName;
  /** "invited": named on the team but has not accepted their invitation yet (cannot be reached in Warroom). */
  status: "active" | "invited" | "deactivated";
}

export interface TeamDto {
  id: string;
  name: string;
  chatChannel: string | null;
  description: string;
  /** Who to page now, in order. */
  onCall: string[];
  escalationContact: string;
  members: TeamMemberRef[];
  serviceCount: number;
}

export interface ServiceRef extends NamedRef {
  kind: ServiceKindName;
  tier: number;
  health: HealthName;
}

export interface TeamDetailDto extends TeamDto {
  services: ServiceRef[];
}

export interface CatalogServiceDto extends ServiceRef {
  journeys: JourneyName[];
  description: string;
  runbookUrl: string | null;
  healthCheckUrl: string | null;
  system: string;
  /** Other names alerts use for this service; an alert's service label matches them like the name. */
  aliases: string[];
  /** False for an imported health-check URL nobody has turned on yet: not polled. */
  healthCheckEnabled: boolean;
  healthMessage: string;
  healthCheckedAt: string | null;
  team: NamedRef & { chatChannel: string | null; onCall: string[] };
  dependsOnCount: number;
  dependedByCount: number;
  openIncidentCount: number;
}

/** One edge seen from one of its ends: `service` is the other end. */
export interface DependencyEdgeDto {
  id: string;
  isAsync: boolean;
  isCritical: boolean;
  service: ServiceRef & { team: NamedRef };
}

export interface OpenIncidentRef {
  id: string;
  ref: string;
  title: string;
  severity: SeverityName;
  status: StatusName;
  startedAt: string;
}

export interface ServiceDetailDto extends Omit<CatalogServiceDto, "team"> {
  team: NamedRef & { chatChannel: string | null; onCall: string[]; escalationContact: string };
  /** What this service calls: where to look when it fails. */
  dependsOn: DependencyEdgeDto[];
  /** Who calls this service: who suffers when it fails. */
  dependedBy: DependencyEdgeDto[];
  openIncidents: OpenIncidentRef[];
}

export interface DependencyDto {
  id: string;
  from: NamedRef;
  to: NamedRef;
  isAsync: boolean;
  isCritical: boolean;
}

export interface DeletedDto {
  deleted: NamedRef;
}
