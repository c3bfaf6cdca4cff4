import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import type { StatusSettingsDto } from "./status-settings-dto.ts";

export async function getStatusSettings(actor: Actor): Promise<StatusSettingsDto> {
  assertCan(actor, "incident:read");
  return db().organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { statusAutoImpact: true } });
}
