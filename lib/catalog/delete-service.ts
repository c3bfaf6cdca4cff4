import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { publishCatalogChanged } from "../realtime/emit.ts";
import type { DeletedDto } from "./catalog-dto.ts";
import { assertId } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { auditView, loadService } from "./service-record.ts";

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
      throw new AppError(
        "conflict",
        `"${service.name}" is impacted in open incident ${refs}; take it off the incident or resolve it first`,
        {
          incidents: service.openIncidents.map((i) => ({ id: i.id, ref: i.ref })),
        },
      );
    }
    await tx.service.delete({ where: { id: serviceId } });
    await recordAudit(tx, actor, { action: "service.delete", entityType: "Service", entityId: serviceId, before: auditView(service) });
    return { id: service.id, name: service.name };
  }, TX_OPTIONS);
  publishCatalogChanged(actor.organizationId, { entity: "service", action: "deleted", id: serviceId });
  return { deleted };
}
