import "server-only";
import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { loadPostmortemSettings, type PostmortemSettingsDto } from "./postmortem-settings.ts";

/** Everyone reads the templates (writers pick one when drafting); ADMIN changes them. */
export async function getPostmortemSettings(actor: Actor): Promise<PostmortemSettingsDto> {
  assertCan(actor, "incident:read");
  return loadPostmortemSettings(db(), actor.organizationId);
}
