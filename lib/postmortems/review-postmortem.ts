import "server-only";
import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors/app-error.ts";
import type { PostmortemDto } from "./postmortem-dto.ts";
import { ZReviewDecision } from "./schemas.ts";
import { commitPostmortemChange } from "./commit-postmortem-change.ts";
import { lockPostmortem } from "./lock-postmortem.ts";

/** A writer's verdict. Changes requested send the post-mortem back to draft. */
export async function reviewPostmortem(actor: Actor, id: string, raw: unknown): Promise<PostmortemDto> {
  assertCan(actor, "postmortem:write");
  const input = ZReviewDecision.parse(raw);
  return commitPostmortemChange(actor, id, async (tx) => {
    const pm = await lockPostmortem(tx, actor, id);
    if (pm.status !== "in_review") throw new AppError("conflict", "This post-mortem is not in review; ask for a review first");
    const decision = { state: input.state, comment: input.comment, decidedAt: new Date() };
    await tx.postmortemReview.upsert({
      where: { postmortemId_reviewerId: { postmortemId: id, reviewerId: actor.userId } },
      create: { postmortemId: id, reviewerId: actor.userId, ...decision },
      update: decision,
    });
    if (input.state === "changes_requested") await tx.postmortem.update({ where: { id }, data: { status: "draft" } });
    await recordAudit(tx, actor, {
      action: `postmortem.review.${input.state === "approved" ? "approve" : "request_changes"}`,
      entityType: "Postmortem",
      entityId: id,
      after: { state: input.state, comment: input.comment },
    });
  });
}
