import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { publishCatalogChanged } from "../realtime/emit.ts";
import type { ServiceDetailDto } from "./catalog-dto.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { ZServiceInput } from "./schemas.ts";
import { assertNameFree, assertTeamExists, auditView, loadService, nameTaken, uniqueAliases } from "./service-record.ts";

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
