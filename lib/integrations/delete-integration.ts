import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { toIntegrationDto } from "./integration-dto.ts";
import { findIntegrationOrThrow } from "./integration-record.ts";

/** Deletes the integration with its alert history; incidents it opened stay. */
export async function deleteIntegration(actor: Actor, id: string): Promise<{ deleted: { id: string; name: string } }> {
  assertCan(actor, "org:admin");
  return db().$transaction(async (tx) => {
    const row = await findIntegrationOrThrow(tx, actor, id);
    await tx.integration.delete({ where: { id: row.id } });
    await recordAudit(tx, actor, {
      action: "integration.delete",
      entityType: "Integration",
      entityId: row.id,
      before: toIntegrationDto(row),
    });
    return { deleted: { id: row.id, name: row.name } };
  });
}
