import "server-only";
import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { PostmortemDto } from "./postmortem-dto.ts";
import { ZUpdatePostmortem } from "./schemas.ts";
import { commitPostmortemChange } from "./commit-postmortem-change.ts";
import { lockPostmortem } from "./lock-postmortem.ts";

export async function updatePostmortem(actor: Actor, id: string, raw: unknown): Promise<PostmortemDto> {
  assertCan(actor, "postmortem:write");
  const input = ZUpdatePostmortem.parse(raw);
  return commitPostmortemChange(actor, id, async (tx) => {
    const pm = await lockPostmortem(tx, actor, id);
    await tx.postmortem.update({ where: { id }, data: { title: input.title } });
    await recordAudit(tx, actor, {
      action: "postmortem.update",
      entityType: "Postmortem",
      entityId: id,
      before: { title: pm.title },
      after: { title: input.title },
    });
  });
}
