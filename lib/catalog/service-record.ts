import { type Actor } from "../auth/actor.ts";
import type { Prisma } from "../db/generated/client.ts";
import { type AppError, notFound } from "../errors/app-error.ts";
import { incidentRef } from "../vocabulary/incidents.ts";
import type { CatalogServiceDto, DependencyEdgeDto, ServiceDetailDto } from "./catalog-dto.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { invalidField } from "../errors/field-errors.ts";

type Tx = Prisma.TransactionClient;

const open = { incident: { status: { not: "resolved" } } } satisfies Prisma.IncidentServiceWhereInput;
const ref = { id: true, name: true, kind: true, tier: true, health: true } as const;
const edgeEnd = { select: { ...ref, team: { select: { id: true, name: true } } } } as const;

export const serviceSelect = {
  ...ref,
  journeys: true,
  description: true,
  runbookUrl: true,
  healthCheckUrl: true,
  system: true,
  aliases: true,
  healthCheckEnabled: true,
  healthMessage: true,
  healthCheckedAt: true,
  team: { select: { id: true, name: true, chatChannel: true, onCall: true } },
  _count: { select: { dependsOn: true, dependedBy: true, incidents: { where: open } } },
} satisfies Prisma.ServiceSelect;

const serviceDetailSelect = {
  ...serviceSelect,
  team: { select: { id: true, name: true, chatChannel: true, onCall: true, escalationContact: true } },
  dependsOn: { select: { id: true, isAsync: true, isCritical: true, to: edgeEnd }, orderBy: { to: { name: "asc" } } },
  dependedBy: { select: { id: true, isAsync: true, isCritical: true, from: edgeEnd }, orderBy: { from: { name: "asc" } } },
  incidents: {
    where: open,
    select: { incident: { select: { id: true, number: true, title: true, severity: true, status: true, startedAt: true } } },
    orderBy: { incident: { startedAt: "desc" } },
  },
} satisfies Prisma.ServiceSelect;

type ServiceRow = Prisma.ServiceGetPayload<{ select: typeof serviceSelect }>;

export function toServiceDto({ _count, healthCheckedAt, ...s }: ServiceRow): CatalogServiceDto {
  return {
    ...s,
    healthCheckedAt: healthCheckedAt?.toISOString() ?? null,
    dependsOnCount: _count.dependsOn,
    dependedByCount: _count.dependedBy,
    openIncidentCount: _count.incidents,
  };
}

export async function loadService(client: Tx, actor: Actor, serviceId: string): Promise<ServiceDetailDto> {
  const row = await client.service.findFirst({
    where: { id: serviceId, organizationId: actor.organizationId },
    select: serviceDetailSelect,
  });
  if (!row) throw notFound("Service");
  const { dependsOn, dependedBy, incidents, team, ...rest } = row;
  const edge = (e: { id: string; isAsync: boolean; isCritical: boolean }, service: DependencyEdgeDto["service"]): DependencyEdgeDto => ({
    id: e.id,
    isAsync: e.isAsync,
    isCritical: e.isCritical,
    service,
  });
  return {
    ...toServiceDto({ ...rest, team }),
    team,
    dependsOn: dependsOn.map((d) => edge(d, d.to)),
    dependedBy: dependedBy.map((d) => edge(d, d.from)),
    openIncidents: incidents.map(({ incident: i }) => ({
      id: i.id,
      ref: incidentRef(i.number),
      title: i.title,
      severity: i.severity,
      status: i.status,
      startedAt: i.startedAt.toISOString(),
    })),
  };
}

export async function assertNameFree(tx: Tx, actor: Actor, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.service.findFirst({
    where: {
      organizationId: actor.organizationId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { name: true },
  });
  if (clash) throw invalidField("name", `a service named "${clash.name}" already exists`);
}

export async function assertTeamExists(tx: Tx, actor: Actor, teamId: string): Promise<void> {
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId: actor.organizationId }, select: { id: true } });
  if (!team) throw invalidField("teamId", `unknown team ${teamId}`);
}

export function nameTaken(error: unknown, name: string | undefined): AppError | null {
  return isUniqueViolation(error) && name ? invalidField("name", `a service named "${name}" already exists`) : null;
}

/** Each alias once (compared without case); the service's own spelling is kept. */
export function uniqueAliases(aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  return aliases.filter((a) => !seen.has(a.toLowerCase()) && Boolean(seen.add(a.toLowerCase())));
}

export function auditView(s: ServiceDetailDto) {
  return {
    name: s.name,
    kind: s.kind,
    tier: s.tier,
    teamId: s.team.id,
    journeys: s.journeys,
    description: s.description,
    runbookUrl: s.runbookUrl,
    healthCheckUrl: s.healthCheckUrl,
    system: s.system,
    aliases: s.aliases,
    healthCheckEnabled: s.healthCheckEnabled,
    dependsOn: s.dependsOn.map((d) => d.service.name),
    dependedBy: s.dependedBy.map((d) => d.service.name),
  };
}
