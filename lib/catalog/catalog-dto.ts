// Client-safe shapes of the catalog as the API and pages return it.
import { z } from "zod";
import { ROLES } from "../auth/permissions.ts";
import { SEVERITIES, STATUSES } from "../vocabulary/incidents.ts";
import { HEALTH_STATES, JOURNEYS, SERVICE_KINDS } from "../vocabulary/catalog.ts";

// Teams and services: the zod schema is the source; the DTO types are inferred from it and the
// OpenAPI document's `Team`, `TeamDetail`, `Service` and `ServiceDetail` are generated from it.
export const ZNamedRef = z.object({ id: z.uuid(), name: z.string() });
export type NamedRef = z.infer<typeof ZNamedRef>;

export const ZTeamMemberRef = ZNamedRef.extend({
  email: z.string(),
  role: z.enum(ROLES),
  /** "invited": named on the team but has not accepted their invitation yet (cannot be reached in Warroom). */
  status: z
    .enum(["active", "invited", "deactivated"])
    .describe("`invited`: has not accepted the invitation yet (cannot be reached in Warroom)."),
});
export type TeamMemberRef = z.infer<typeof ZTeamMemberRef>;

export const ZTeam = z
  .object({
    id: z.uuid(),
    name: z.string(),
    chatChannel: z.string().nullable(),
    description: z.string(),
    onCall: z.array(z.string()).describe("Who to page now, in order."),
    escalationContact: z.string(),
    members: z.array(ZTeamMemberRef),
    serviceCount: z.number().int(),
  })
  .describe("A team that owns services.");
export type TeamDto = z.infer<typeof ZTeam>;

export const ZServiceRef = ZNamedRef.extend({ kind: z.enum(SERVICE_KINDS), tier: z.number().int(), health: z.enum(HEALTH_STATES) });
export type ServiceRef = z.infer<typeof ZServiceRef>;

export const ZTeamDetail = ZTeam.extend({ services: z.array(ZServiceRef) }).describe("A team with the services it owns.");
export type TeamDetailDto = z.infer<typeof ZTeamDetail>;

const time = z.iso.datetime();

export const ZService = ZServiceRef.extend({
  journeys: z.array(z.enum(JOURNEYS)),
  description: z.string(),
  runbookUrl: z.string().nullable(),
  healthCheckUrl: z.string().nullable(),
  system: z.string(),
  aliases: z.array(z.string()).describe("Other names alerts use for this service; an alert's service label matches them like the name."),
  healthCheckEnabled: z.boolean().describe("False for an imported health-check URL nobody has turned on yet: not polled."),
  healthMessage: z.string(),
  healthCheckedAt: time.nullable(),
  team: ZNamedRef.extend({ chatChannel: z.string().nullable(), onCall: z.array(z.string()) }),
  dependsOnCount: z.number().int(),
  dependedByCount: z.number().int(),
  openIncidentCount: z.number().int(),
}).describe("A service of the catalog.");
export type CatalogServiceDto = z.infer<typeof ZService>;

/** One edge seen from one of its ends: `service` is the other end. */
export const ZDependencyEdge = z.object({
  id: z.uuid(),
  isAsync: z.boolean(),
  isCritical: z.boolean(),
  service: ZServiceRef.extend({ team: ZNamedRef }),
});
export type DependencyEdgeDto = z.infer<typeof ZDependencyEdge>;

export const ZOpenIncidentRef = z.object({
  id: z.uuid(),
  ref: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(STATUSES),
  startedAt: time,
});
export type OpenIncidentRef = z.infer<typeof ZOpenIncidentRef>;

export const ZServiceDetail = ZService.extend({
  team: ZNamedRef.extend({ chatChannel: z.string().nullable(), onCall: z.array(z.string()), escalationContact: z.string() }),
  dependsOn: z.array(ZDependencyEdge).describe("What this service calls: where to look when it fails."),
  dependedBy: z.array(ZDependencyEdge).describe("Who calls this service: who suffers when it fails."),
  openIncidents: z.array(ZOpenIncidentRef),
}).describe("A service with its team, its dependencies both ways and its open incidents.");
export type ServiceDetailDto = z.infer<typeof ZServiceDetail>;

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
