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
import { ZUpdateActionItem } from "./schemas.ts";

/**
 * Changes the fields sent. Setting one owner clears the other (an item has one owner); moving to
 * done stamps completedAt, moving away from done clears it.
 */
export async function updateActionItem(actor: Actor, itemId: string, input: unknown, now = new Date()): Promise<ActionItemDto> {
  assertCan(actor, "action-item:edit");
  assertId(itemId, "Action item");
  const data = ZUpdateActionItem.parse(input);
  const item = await db().$transaction(async (tx) => {
    const current = await tx.actionItem.findFirst({
      where: { id: itemId, organizationId: actor.organizationId },
      select: actionItemSelect,
    });
    if (!current) throw notFound("Action item");
    const today = calendarDay(now, await orgTimeZone(tx, actor.organizationId));
    await assertOwnerInOrganization(tx, actor, data);
    const owner = data.ownerUserId
      ? { ownerUserId: data.ownerUserId, ownerTeamId: null }
      : data.ownerTeamId
        ? { ownerUserId: null, ownerTeamId: data.ownerTeamId }
        : { ownerUserId: data.ownerUserId, ownerTeamId: data.ownerTeamId };
    const completedAt = data.status === undefined || data.status === current.status ? undefined : data.status === "done" ? now : null;
    const row = await tx.actionItem.update({
      where: { id: itemId },
      data: {
        title: data.title,
        description: data.description,
        ...owner,
        dueDate: dateOfDay(data.dueDate),
        priority: data.priority,
        status: data.status,
        ticketUrl: data.ticketUrl === undefined ? undefined : data.ticketUrl || null,
        completedAt,
      },
      select: actionItemSelect,
    });
    const after = toActionItemDto(row, today);
    await recordAudit(tx, actor, {
      action: "action_item.update",
      entityType: "ActionItem",
      entityId: itemId,
      before: auditView(toActionItemDto(current, today)),
      after: auditView(after),
    });
    return after;
  }, TX_OPTIONS);
  publishActionItemChanged(actor.organizationId, { action: "updated", id: item.id, postmortemId: item.postmortemId, item });
  return item;
}
