import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { publishCatalogChanged } from "../realtime/emit.ts";
import type { DeletedDto } from "./catalog-dto.ts";
import { assertId } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { audited, loadDependency } from "./dependency-record.ts";

export async function removeDependency(actor: Actor, dependencyId: string): Promise<DeletedDto> {
  assertCan(actor, "catalog:edit");
  assertId(dependencyId, "Dependency");
  const deleted = await db().$transaction(async (tx) => {
    const dependency = await loadDependency(tx, actor, dependencyId);
    await tx.serviceDependency.delete({ where: { id: dependencyId } });
    await recordAudit(tx, actor, {
      action: "dependency.remove",
      entityType: "ServiceDependency",
      entityId: dependencyId,
      before: audited(dependency),
    });
    return { id: dependency.id, name: `${dependency.from.name} → ${dependency.to.name}` };
  }, TX_OPTIONS);
  publishCatalogChanged(actor.organizationId, { entity: "dependency", action: "deleted", id: dependencyId });
  return { deleted };
}
