import "server-only";
import { assertCan, type Actor } from "../auth/actor.ts";
import { rolesWith } from "../auth/permissions.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { invalidField } from "../errors/field-errors.ts";
import { AppError } from "../errors/app-error.ts";
import type { PostmortemDto } from "./postmortem-dto.ts";
import { ZRequestReview } from "./schemas.ts";
import { commitPostmortemChange } from "./commit-postmortem-change.ts";
import { lockPostmortem } from "./lock-postmortem.ts";

/** Asks people for review: the post-mortem is in review, and earlier verdicts start over. */
export async function requestReview(actor: Actor, id: string, raw: unknown): Promise<PostmortemDto> {
  assertCan(actor, "postmortem:write");
  const input = ZRequestReview.parse(raw);
  return commitPostmortemChange(actor, id, async (tx) => {
    const pm = await lockPostmortem(tx, actor, id);
    if (pm.status === "published")
      throw new AppError("conflict", "This post-mortem is published and unchanged since; edit a section to start the next revision");
    const reviewerIds = [...new Set(input.reviewerIds)];
    const found = await tx.user.findMany({
      where: { id: { in: reviewerIds }, organizationId: actor.organizationId, role: { in: [...rolesWith("postmortem:write")] } },
      select: { id: true },
    });
    const unknown = reviewerIds.filter((r) => !found.some((f) => f.id === r));
    if (unknown.length) throw invalidField("reviewerIds", `not a writer of this organisation: ${unknown.join(", ")}`);
    await tx.postmortemReview.updateMany({ where: { postmortemId: id }, data: { state: "requested", decidedAt: null } });
    for (const reviewerId of reviewerIds) {
      await tx.postmortemReview.upsert({
        where: { postmortemId_reviewerId: { postmortemId: id, reviewerId } },
        create: { postmortemId: id, reviewerId },
        update: { state: "requested", comment: "", decidedAt: null },
      });
    }
    await tx.postmortem.update({ where: { id }, data: { status: "in_review" } });
    await recordAudit(tx, actor, {
      action: "postmortem.review.request",
      entityType: "Postmortem",
      entityId: id,
      before: { status: pm.status },
      after: { status: "in_review", reviewerIds },
    });
  });
}
