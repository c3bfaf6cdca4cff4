import "server-only";
import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { db } from "../db/client.ts";
import { findTemplate } from "./resolve-template.ts";
import { ZTemplateInput } from "./schemas.ts";
import { type PostmortemTemplateDto } from "./templates.ts";
import { assertNameFree, nameTaken } from "./postmortem-settings.ts";

export async function createPostmortemTemplate(actor: Actor, raw: unknown): Promise<PostmortemTemplateDto> {
  assertCan(actor, "org:admin");
  const input = ZTemplateInput.parse(raw);
  try {
    return await db().$transaction(async (tx) => {
      await assertNameFree(tx, actor.organizationId, input.name);
      const row = await tx.postmortemTemplate.create({
        data: { organizationId: actor.organizationId, name: input.name, description: input.description, sections: input.sections },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "postmortem_template.create",
        entityType: "PostmortemTemplate",
        entityId: row.id,
        after: input,
      });
      return (await findTemplate(tx, actor.organizationId, row.id))!;
    }, TX_OPTIONS);
  } catch (error) {
    throw nameTaken(error, input.name) ?? error;
  }
}
