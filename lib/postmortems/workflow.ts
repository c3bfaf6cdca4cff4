import "server-only";
import { assertCan, type Actor } from "../auth/actor.ts";
import { rolesWith } from "../auth/permissions.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { invalidField } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { publishPostmortemUpdated } from "../realtime/emit.ts";
import { loadPostmortem } from "./get-postmortem.ts";
import type { PostmortemDto } from "./postmortem-dto.ts";
import { ZPostmortemId, ZRequestReview, ZReviewDecision, ZUpdatePostmortem } from "./schemas.ts";

// Draft → in review → published. Changes requested send it back to draft; editing a published
// one starts the next revision (see save-section.ts). Each step is one transaction with its audit.

type Tx = Prisma.TransactionClient;

/** Locks the row (scoped to the organisation) so state changes of one post-mortem queue. */
async function lockPostmortem(tx: Tx, actor: Actor, id: string) {
  if (!ZPostmortemId.safeParse(id).success) throw notFound("Post-mortem");
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Postmortem" WHERE id = ${id}::uuid AND "organizationId" = ${actor.organizationId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("Post-mortem");
  return tx.postmortem.findUniqueOrThrow({
    where: { id },
    select: { id: true, status: true, title: true, publishedRevision: true, incident: { select: { id: true, commanderId: true } } },
  });
}

async function commit(actor: Actor, id: string, step: (tx: Tx) => Promise<void>): Promise<PostmortemDto> {
  const postmortem = await db().$transaction(async (tx) => {
    await step(tx);
    return loadPostmortem(tx, actor, id);
  }, TX_OPTIONS);
  publishPostmortemUpdated(postmortem);
  return postmortem;
}

export { lockPostmortem, commit };

export async function updatePostmortem(actor: Actor, id: string, raw: unknown): Promise<PostmortemDto> {
  assertCan(actor, "postmortem:write");
  const input = ZUpdatePostmortem.parse(raw);
  return commit(actor, id, async (tx) => {
    const pm = await lockPostmortem(tx, actor, id);
    await tx.postmortem.update({ where: { id }, data: { title: input.title } });
    await recordAudit(tx, actor, { action: "postmortem.update", entityType: "Postmortem", entityId: id, before: { title: pm.title }, after: { title: input.title } });
  });
}

/** Asks people for review: the post-mortem is in review, and earlier verdicts start over. */
export async function requestReview(actor: Actor, id: string, raw: unknown): Promise<PostmortemDto> {
  assertCan(actor, "postmortem:write");
  const input = ZRequestReview.parse(raw);
  return commit(actor, id, async (tx) => {
    const pm = await lockPostmortem(tx, actor, id);
    if (pm.status === "published") throw new AppError("conflict", "This post-mortem is published and unchanged since; edit a section to start the next revision");
    const reviewerIds = [...new Set(input.reviewerIds)];
    const found = await tx.user.findMany({ where: { id: { in: reviewerIds }, organizationId: actor.organizationId, role: { in: [...rolesWith("postmortem:write")] } }, select: { id: true } });
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
    await recordAudit(tx, actor, { action: "postmortem.review.request", entityType: "Postmortem", entityId: id, before: { status: pm.status }, after: { status: "in_review", reviewerIds } });
  });
}

/** A writer's verdict. Changes requested send the post-mortem back to draft. */
export async function reviewPostmortem(actor: Actor, id: string, raw: unknown): Promise<PostmortemDto> {
  assertCan(actor, "postmortem:write");
  const input = ZReviewDecision.parse(raw);
  return commit(actor, id, async (tx) => {
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
