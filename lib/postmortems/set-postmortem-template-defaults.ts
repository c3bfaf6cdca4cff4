import "server-only";
import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { invalidField } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { db } from "../db/client.ts";
import { findTemplate, toDefaults } from "./resolve-template.ts";
import { ZTemplateDefaults } from "./schemas.ts";
import { loadPostmortemSettings, type PostmortemSettingsDto } from "./postmortem-settings.ts";

/** Which template each severity drafts from; severities left out keep theirs. */
export async function setPostmortemTemplateDefaults(actor: Actor, raw: unknown): Promise<PostmortemSettingsDto> {
  assertCan(actor, "org:admin");
  const input = ZTemplateDefaults.parse(raw);
  return db().$transaction(async (tx) => {
    for (const [severity, key] of Object.entries(input.defaults)) {
      if (key && !(await findTemplate(tx, actor.organizationId, key)))
        throw invalidField(`defaults.${severity}`, `unknown template ${key}`);
    }
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { postmortemTemplateDefaults: true },
    });
    const before = toDefaults(org.postmortemTemplateDefaults);
    const after = { ...before, ...input.defaults };
    await tx.organization.update({ where: { id: actor.organizationId }, data: { postmortemTemplateDefaults: after } });
    await recordAudit(tx, actor, {
      action: "postmortem_template.defaults",
      entityType: "Organization",
      entityId: actor.organizationId,
      before,
      after,
    });
    return loadPostmortemSettings(tx, actor.organizationId);
  }, TX_OPTIONS);
}
