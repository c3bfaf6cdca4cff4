import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { assertId } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { publishActionItemChanged } from "../realtime/emit.ts";
import type { ActionItemDto } from "./action-item-dto.ts";
import { calendarDay } from "./follow-up-order.ts";
import { actionItemSelect, auditView, dateOfDay, orgTimeZone, toActionItemDto } from "./load-action-items.ts";
import { assertOwnerInOrganization } from "./resolve-owner.ts";
import { ZCreateActionItem } from "./schemas.ts";

/** Adds a follow-up to a post-mortem of the actor's organisation (another organisation's is a 404). */
export async function createActionItem(actor: Actor, postmortemId: string, input: unknown, now = new Date()): Promise<ActionItemDto> {
  assertCan(actor, "action-item:edit");
  assertId(postmortemId, "Post-mortem");
  const data = ZCreateActionItem.parse(input);
  const item = await db().$transaction(async (tx) => {
    const postmortem = await tx.postmortem.findFirst({
      where: { id: postmortemId, organizationId: actor.organizationId },
      select: { id: true },
    });
    if (!postmortem) throw notFound("Post-mortem");
    await assertOwnerInOrganization(tx, actor, data);
    const status = data.status ?? "open";
    const row = await tx.actionItem.create({
      data: {
        organizationId: actor.organizationId,
        postmortemId,
        title: data.title,
        description: data.description ?? "",
        ownerUserId: data.ownerUserId ?? null,
        ownerTeamId: data.ownerTeamId ?? null,
        dueDate: dateOfDay(data.dueDate) ?? null,
        priority: data.priority ?? "medium",
        status,
        ticketUrl: data.ticketUrl || null,
        completedAt: status === "done" ? now : null,
      },
      select: actionItemSelect,
    });
    const dto = toActionItemDto(row, calendarDay(now, await orgTimeZone(tx, actor.organizationId)));
    await recordAudit(tx, actor, { action: "action_item.create", entityType: "ActionItem", entityId: row.id, after: auditView(dto) });
    return dto;
  }, TX_OPTIONS);
  publishActionItemChanged(actor.organizationId, { action: "created", id: item.id, postmortemId, item });
  return item;
}
