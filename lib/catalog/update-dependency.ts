import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { publishCatalogChanged } from "../realtime/emit.ts";
import type { DependencyDto } from "./catalog-dto.ts";
import { assertId } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { ZDependencyPatch } from "./schemas.ts";
import { audited, dependencySelect, loadDependency } from "./dependency-record.ts";

/** Sync/async and critical or not. */
export async function updateDependency(actor: Actor, dependencyId: string, input: unknown): Promise<DependencyDto> {
  assertCan(actor, "catalog:edit");
  assertId(dependencyId, "Dependency");
  const data = ZDependencyPatch.parse(input);
  const dependency = await db().$transaction(async (tx) => {
    const before = await loadDependency(tx, actor, dependencyId);
    const after = await tx.serviceDependency.update({
      where: { id: dependencyId },
      data: { isAsync: data.isAsync, isCritical: data.isCritical },
      select: dependencySelect,
    });
    await recordAudit(tx, actor, {
      action: "dependency.update",
      entityType: "ServiceDependency",
      entityId: dependencyId,
      before: audited(before),
      after: audited(after),
    });
    return after;
  }, TX_OPTIONS);
  publishCatalogChanged(actor.organizationId, { entity: "dependency", action: "updated", id: dependencyId });
  return dependency;
}
