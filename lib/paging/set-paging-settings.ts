import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { ZPagingSettings } from "./schemas.ts";
import type { PagingSettingsDto } from "./paging-settings-dto.ts";

export async function setPagingSettings(actor: Actor, input: unknown): Promise<PagingSettingsDto> {
  assertCan(actor, "org:admin");
  const data = ZPagingSettings.parse(input);
  return db().$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { sev1AutoPage: true } });
    const after = await tx.organization.update({
      where: { id: actor.organizationId },
      data: { sev1AutoPage: data.sev1AutoPage },
      select: { sev1AutoPage: true },
    });
    await recordAudit(tx, actor, {
      action: "organization.paging_settings",
      entityType: "Organization",
      entityId: actor.organizationId,
      before,
      after,
    });
    return after;
  });
}
