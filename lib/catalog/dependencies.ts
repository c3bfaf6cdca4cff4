import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { publishCatalogChanged } from "../realtime/emit.ts";
import type { DeletedDto, DependencyDto } from "./catalog-dto.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { assertId, invalidField } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { ZAddDependency, ZDependencyPatch } from "./schemas.ts";

type Tx = Prisma.TransactionClient;

const dependencySelect = {
  id: true,
  isAsync: true,
  isCritical: true,
  from: { select: { id: true, name: true } },
  to: { select: { id: true, name: true } },
} satisfies Prisma.ServiceDependencySelect;

const audited = (d: DependencyDto) => ({ from: d.from.name, to: d.to.name, isAsync: d.isAsync, isCritical: d.isCritical });

/** Scoped through the calling service's organisation; anything else is a 404. */
async function loadDependency(tx: Tx, actor: Actor, dependencyId: string): Promise<DependencyDto> {
  const row = await tx.serviceDependency.findFirst({ where: { id: dependencyId, from: { organizationId: actor.organizationId } }, select: dependencySelect });
  if (!row) throw notFound("Dependency");
  return row;
}

export interface AddDependencyResult {
  dependency: DependencyDto;
  /** False when the edge already existed: adding is idempotent, and updates the flags sent. */
  created: boolean;
}

/**
 * "fromId depends on toId". Cycles are allowed (real systems have them); a service depending on
 * itself is not. Adding an edge that exists updates its flags instead, so a retried request or
 * a double click stores it once.
 */
export async function addDependency(actor: Actor, fromId: string, input: unknown): Promise<AddDependencyResult> {
  assertCan(actor, "catalog:edit");
  assertId(fromId, "Service");
  const data = ZAddDependency.parse(input);
  try {
    const result = await db().$transaction(async (tx) => {
      const from = await tx.service.findFirst({ where: { id: fromId, organizationId: actor.organizationId }, select: { id: true, name: true } });
      if (!from) throw notFound("Service");
      if (data.toId === from.id) throw invalidField("toId", `"${from.name}" cannot depend on itself`);
      const to = await tx.service.findFirst({ where: { id: data.toId, organizationId: actor.organizationId }, select: { id: true } });
      if (!to) throw invalidField("toId", `unknown service ${data.toId}`);

      const existing = await tx.serviceDependency.findUnique({ where: { fromId_toId: { fromId, toId: to.id } }, select: dependencySelect });
      if (existing) {
        const dependency = await tx.serviceDependency.update({
          where: { id: existing.id },
          data: { isAsync: data.isAsync, isCritical: data.isCritical },
          select: dependencySelect,
        });
        await recordAudit(tx, actor, { action: "dependency.update", entityType: "ServiceDependency", entityId: existing.id, before: audited(existing), after: audited(dependency) });
        return { dependency, created: false };
      }
      const dependency = await tx.serviceDependency.create({
        data: { fromId, toId: to.id, isAsync: data.isAsync ?? false, isCritical: data.isCritical ?? true },
        select: dependencySelect,
      });
      await recordAudit(tx, actor, { action: "dependency.add", entityType: "ServiceDependency", entityId: dependency.id, after: audited(dependency) });
      return { dependency, created: true };
    }, TX_OPTIONS);
    publishCatalogChanged(actor.organizationId, { entity: "dependency", action: result.created ? "created" : "updated", id: result.dependency.id });
    return result;
  } catch (error) {
    // Two identical adds at the same instant: the second lost the race to the unique index.
    if (isUniqueViolation(error)) throw new AppError("conflict", "That dependency was just added by someone else; reload to see it");
    throw error;
  }
}

/** Sync/async and critical or not. */
export async function updateDependency(actor: Actor, dependencyId: string, input: unknown): Promise<DependencyDto> {
  assertCan(actor, "catalog:edit");
  assertId(dependencyId, "Dependency");
  const data = ZDependencyPatch.parse(input);
  const dependency = await db().$transaction(async (tx) => {
    const before = await loadDependency(tx, actor, dependencyId);
    const after = await tx.serviceDependency.update({ where: { id: dependencyId }, data: { isAsync: data.isAsync, isCritical: data.isCritical }, select: dependencySelect });
    await recordAudit(tx, actor, { action: "dependency.update", entityType: "ServiceDependency", entityId: dependencyId, before: audited(before), after: audited(after) });
    return after;
  }, TX_OPTIONS);
  publishCatalogChanged(actor.organizationId, { entity: "dependency", action: "updated", id: dependencyId });
  return dependency;
}

export async function removeDependency(actor: Actor, dependencyId: string): Promise<DeletedDto> {
  assertCan(actor, "catalog:edit");
  assertId(dependencyId, "Dependency");
  const deleted = await db().$transaction(async (tx) => {
    const dependency = await loadDependency(tx, actor, dependencyId);
    await tx.serviceDependency.delete({ where: { id: dependencyId } });
    await recordAudit(tx, actor, { action: "dependency.remove", entityType: "ServiceDependency", entityId: dependencyId, before: audited(dependency) });
    return { id: dependency.id, name: `${dependency.from.name} → ${dependency.to.name}` };
  }, TX_OPTIONS);
  publishCatalogChanged(actor.organizationId, { entity: "dependency", action: "deleted", id: dependencyId });
  return { deleted };
}
