import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { ZStatusSettings } from "./schemas.ts";
import type { StatusSettingsDto } from "./status-settings-dto.ts";

export async function setStatusSettings(actor: Actor, input: unknown): Promise<StatusSettingsDto> {
  assertCan(actor, "org:admin");
  const data = ZStatusSettings.parse(input);
  return db().$transaction(async (tx) => {
    const select = { statusAutoImpact: true } as const;
    const before = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select });
    const after = await tx.organization.update({
      where: { id: actor.organizationId },
      data: { statusAutoImpact: data.statusAutoImpact },
      select,
    });
    await recordAudit(tx, actor, {
      action: "organization.status_settings",
      entityType: "Organization",
      entityId: actor.organizationId,
      before,
      after,
    });
    return after;
  });
}
