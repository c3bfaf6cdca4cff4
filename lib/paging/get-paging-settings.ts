import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import type { PagingSettingsDto } from "./paging-settings-dto.ts";

export async function getPagingSettings(actor: Actor): Promise<PagingSettingsDto> {
  assertCan(actor, "incident:read");
  const org = await db().organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { sev1AutoPage: true } });
  return { sev1AutoPage: org.sev1AutoPage };
}
