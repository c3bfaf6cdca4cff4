import "server-only";
import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { assertId } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { findTemplate, toDefaults } from "./resolve-template.ts";

/** Post-mortems drafted from it keep their sections; severities defaulting to it fall back to the built-ins. */
export async function deletePostmortemTemplate(actor: Actor, id: string): Promise<{ deleted: { id: string; name: string } }> {
  assertCan(actor, "org:admin");
  assertId(id, "Template");
  return db().$transaction(async (tx) => {
    const before = await findTemplate(tx, actor.organizationId, id);
    if (!before) throw notFound("Template");
    await tx.postmortemTemplate.delete({ where: { id } });
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { postmortemTemplateDefaults: true },
    });
    const defaults = Object.fromEntries(Object.entries(toDefaults(org.postmortemTemplateDefaults)).filter(([, key]) => key !== id));
    await tx.organization.update({ where: { id: actor.organizationId }, data: { postmortemTemplateDefaults: defaults } });
    await recordAudit(tx, actor, { action: "postmortem_template.delete", entityType: "PostmortemTemplate", entityId: id, before });
    return { deleted: { id, name: before.name } };
  }, TX_OPTIONS);
}
