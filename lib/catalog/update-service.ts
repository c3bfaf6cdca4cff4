import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { publishCatalogChanged } from "../realtime/emit.ts";
import type { ServiceDetailDto } from "./catalog-dto.ts";
import { assertId } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { ZServicePatch } from "./schemas.ts";
import { assertNameFree, assertTeamExists, auditView, loadService, nameTaken, uniqueAliases } from "./service-record.ts";

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
      await recordAudit(tx, actor, {
        action: "service.update",
        entityType: "Service",
        entityId: serviceId,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    }, TX_OPTIONS);
    publishCatalogChanged(actor.organizationId, { entity: "service", action: "updated", id: serviceId });
    return service;
  } catch (error) {
    throw nameTaken(error, data.name) ?? error;
  }
}
