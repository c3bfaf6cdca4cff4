import "server-only";
import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { assertId } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { findTemplate } from "./resolve-template.ts";
import { ZTemplatePatch } from "./schemas.ts";
import { type PostmortemTemplateDto } from "./templates.ts";
import { assertNameFree, nameTaken } from "./postmortem-settings.ts";

export async function updatePostmortemTemplate(actor: Actor, id: string, raw: unknown): Promise<PostmortemTemplateDto> {
  assertCan(actor, "org:admin");
  assertId(id, "Template");
  const input = ZTemplatePatch.parse(raw);
  try {
    return await db().$transaction(async (tx) => {
      const before = await findTemplate(tx, actor.organizationId, id);
      if (!before) throw notFound("Template");
      await assertNameFree(tx, actor.organizationId, input.name, id);
      await tx.postmortemTemplate.update({
        where: { id },
        data: { name: input.name, description: input.description, sections: input.sections },
      });
      const after = (await findTemplate(tx, actor.organizationId, id))!;
      await recordAudit(tx, actor, { action: "postmortem_template.update", entityType: "PostmortemTemplate", entityId: id, before, after });
      return after;
    }, TX_OPTIONS);
  } catch (error) {
    throw nameTaken(error, input.name) ?? error;
  }
}
