import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { ZPagingSettings } from "./schemas.ts";

export interface PagingSettingsDto {
  /** A SEV1 pages the owning teams of its impacted services by itself (off by default). */
  sev1AutoPage: boolean;
}

export async function getPagingSettings(actor: Actor): Promise<PagingSettingsDto> {
  assertCan(actor, "incident:read");
  const org = await db().organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { sev1AutoPage: true } });
  return { sev1AutoPage: org.sev1AutoPage };
}

export async function setPagingSettings(actor: Actor, input: unknown): Promise<PagingSettingsDto> {
  assertCan(actor, "org:admin");
  const data = ZPagingSettings.parse(input);
  return db().$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { sev1AutoPage: true } });
    const after = await tx.organization.update({ where: { id: actor.organizationId }, data: { sev1AutoPage: data.sev1AutoPage }, select: { sev1AutoPage: true } });
    await recordAudit(tx, actor, { action: "organization.paging_settings", entityType: "Organization", entityId: actor.organizationId, before, after });
    return after;
  });
}
