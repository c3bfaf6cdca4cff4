import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { incidentRef } from "../vocabulary/incidents.ts";
import { publishCatalogChanged } from "../realtime/emit.ts";
import type { CatalogServiceDto, DeletedDto, DependencyEdgeDto, ServiceDetailDto } from "./catalog-dto.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { assertId, invalidField } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { ZServiceInput, ZServicePatch } from "./schemas.ts";

type Tx = Prisma.TransactionClient;

const open = { incident: { status: { not: "resolved" } } } satisfies Prisma.IncidentServiceWhereInput;
const ref = { id: true, name: true, kind: true, tier: true, health: true } as const;
const edgeEnd = { select: { ...ref, team: { select: { id: true, name: true } } } } as const;

const serviceSelect = {
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

function toServiceDto({ _count, healthCheckedAt, ...s }: ServiceRow): CatalogServiceDto {
  return {
    ...s,
    healthCheckedAt: healthCheckedAt?.toISOString() ?? null,
    dependsOnCount: _count.dependsOn,
    dependedByCount: _count.dependedBy,
    openIncidentCount: _count.incidents,
  };
}

/** The whole catalog for browsing: owner, on-call, health and how connected each service is. */
export async function listCatalogServices(actor: Actor): Promise<CatalogServiceDto[]> {
  assertCan(actor, "incident:read");
  const rows = await db().service.findMany({ where: { organizationId: actor.organizationId }, select: serviceSelect, orderBy: { name: "asc" } });
  return rows.map(toServiceDto);
}

async function loadService(client: Tx, actor: Actor, serviceId: string): Promise<ServiceDetailDto> {
  const row = await client.service.findFirst({ where: { id: serviceId, organizationId: actor.organizationId }, select: serviceDetailSelect });
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

/** One service with its dependencies both ways and the open incidents it is impacted in. */
export async function getService(actor: Actor, serviceId: string): Promise<ServiceDetailDto> {
  assertCan(actor, "incident:read");
  assertId(serviceId, "Service");
  return loadService(db(), actor, serviceId);
}

async function assertNameFree(tx: Tx, actor: Actor, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.service.findFirst({
    where: { organizationId: actor.organizationId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { name: true },
  });
  if (clash) throw invalidField("name", `a service named "${clash.name}" already exists`);
}

async function assertTeamExists(tx: Tx, actor: Actor, teamId: string): Promise<void> {
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId: actor.organizationId }, select: { id: true } });
  if (!team) throw invalidField("teamId", `unknown team ${teamId}`);
}

function nameTaken(error: unknown, name: string | undefined): AppError | null {
  return isUniqueViolation(error) && name ? invalidField("name", `a service named "${name}" already exists`) : null;
}

export async function createService(actor: Actor, input: unknown): Promise<ServiceDetailDto> {
  assertCan(actor, "catalog:edit");
  const data = ZServiceInput.parse(input);
  try {
    const service = await db().$transaction(async (tx) => {
      await assertTeamExists(tx, actor, data.teamId);
      await assertNameFree(tx, actor, data.name);
      const { id } = await tx.service.create({
        data: {
          organizationId: actor.organizationId,
          name: data.name,
          kind: data.kind ?? "other",
          tier: data.tier ?? 2,
          teamId: data.teamId,
          journeys: [...new Set(data.journeys ?? [])],
          description: data.description ?? "",
          runbookUrl: data.runbookUrl ?? null,
          healthCheckUrl: data.healthCheckUrl ?? null,
          system: data.system ?? "",
          aliases: uniqueAliases(data.aliases ?? []),
          healthCheckEnabled: data.healthCheckEnabled ?? true,
        },
        select: { id: true },
      });
      const service = await loadService(tx, actor, id);
      await recordAudit(tx, actor, { action: "service.create", entityType: "Service", entityId: id, after: auditView(service) });
      return service;
    }, TX_OPTIONS);
    publishCatalogChanged(actor.organizationId, { entity: "service", action: "created", id: service.id });
    return service;
  } catch (error) {
    throw nameTaken(error, data.name) ?? error;
  }
}

/** Changes the fields sent; health itself is reported or polled, never edited here. */
export async function updateService(actor: Actor, serviceId: string, input: unknown): Promise<ServiceDetailDto> {
  assertCan(actor, "catalog:edit");
  assertId(serviceId, "Service");
  const data = ZServicePatch.parse(input);
  try {
    const service = await db().$transaction(async (tx) => {
      const before = await loadService(tx, actor, serviceId);
      if (data.teamId !== undefined) await assertTeamExists(tx, actor, data.teamId);
      if (data.name !== undefined) await assertNameFree(tx, actor, data.name, serviceId);
      const newCheckUrl = data.healthCheckUrl !== undefined && data.healthCheckUrl !== before.healthCheckUrl;
      await tx.service.update({
        where: { id: serviceId },
        data: {
          name: data.name,
          kind: data.kind,
          tier: data.tier,
          teamId: data.teamId,
          journeys: data.journeys ? [...new Set(data.journeys)] : undefined,
          description: data.description,
          runbookUrl: data.runbookUrl,
          healthCheckUrl: data.healthCheckUrl,
          system: data.system,
          aliases: data.aliases ? uniqueAliases(data.aliases) : undefined,
          // A person setting a URL means it: polled unless they say otherwise.
          healthCheckEnabled: data.healthCheckEnabled ?? (newCheckUrl ? true : undefined),
          // A new health-check URL is checked on the poller's next round, without the old back-off.
          ...(newCheckUrl ? { healthFailures: 0, healthNextCheckAt: null } : {}),
        },
      });
      const after = await loadService(tx, actor, serviceId);
      await recordAudit(tx, actor, { action: "service.update", entityType: "Service", entityId: serviceId, before: auditView(before), after: auditView(after) });
      return after;
    }, TX_OPTIONS);
    publishCatalogChanged(actor.organizationId, { entity: "service", action: "updated", id: serviceId });
    return service;
  } catch (error) {
    throw nameTaken(error, data.name) ?? error;
  }
}

/**
 * Deletes the service and its dependencies both ways. Refused while an open incident lists it
 * as impacted: the room's blast radius would silently change under the people working it.
 */
export async function deleteService(actor: Actor, serviceId: string): Promise<DeletedDto> {
  assertCan(actor, "catalog:edit");
  assertId(serviceId, "Service");
  const deleted = await db().$transaction(async (tx) => {
    const service = await loadService(tx, actor, serviceId);
    if (service.openIncidents.length) {
      const refs = service.openIncidents.map((i) => i.ref).join(", ");
      throw new AppError("conflict", `"${service.name}" is impacted in open incident ${refs}; take it off the incident or resolve it first`, {
        incidents: service.openIncidents.map((i) => ({ id: i.id, ref: i.ref })),
      });
    }
    await tx.service.delete({ where: { id: serviceId } });
    await recordAudit(tx, actor, { action: "service.delete", entityType: "Service", entityId: serviceId, before: auditView(service) });
    return { id: service.id, name: service.name };
  }, TX_OPTIONS);
  publishCatalogChanged(actor.organizationId, { entity: "service", action: "deleted", id: serviceId });
  return { deleted };
}

/** Each alias once (compared without case); the service's own spelling is kept. */
function uniqueAliases(aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  return aliases.filter((a) => !seen.has(a.toLowerCase()) && Boolean(seen.add(a.toLowerCase())));
}

function auditView(s: ServiceDetailDto) {
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
