import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { publishCatalogChanged } from "../realtime/emit.ts";
import type { DependencyDto } from "./catalog-dto.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { assertId, invalidField } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { ZAddDependency } from "./schemas.ts";
import { audited, dependencySelect } from "./dependency-record.ts";

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
      const from = await tx.service.findFirst({
        where: { id: fromId, organizationId: actor.organizationId },
        select: { id: true, name: true },
      });
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
        await recordAudit(tx, actor, {
          action: "dependency.update",
          entityType: "ServiceDependency",
          entityId: existing.id,
          before: audited(existing),
          after: audited(dependency),
        });
        return { dependency, created: false };
      }
      const dependency = await tx.serviceDependency.create({
        data: { fromId, toId: to.id, isAsync: data.isAsync ?? false, isCritical: data.isCritical ?? true },
        select: dependencySelect,
      });
      await recordAudit(tx, actor, {
        action: "dependency.add",
        entityType: "ServiceDependency",
        entityId: dependency.id,
        after: audited(dependency),
      });
      return { dependency, created: true };
    }, TX_OPTIONS);
    publishCatalogChanged(actor.organizationId, {
      entity: "dependency",
      action: result.created ? "created" : "updated",
      id: result.dependency.id,
    });
    return result;
  } catch (error) {
    // Two identical adds at the same instant: the second lost the race to the unique index.
    if (isUniqueViolation(error)) throw new AppError("conflict", "That dependency was just added by someone else; reload to see it");
    throw error;
  }
}
