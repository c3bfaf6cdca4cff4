import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { assertId } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { publishActionItemChanged } from "../realtime/emit.ts";
import { calendarDay } from "./follow-up-order.ts";
import { actionItemSelect, auditView, orgTimeZone, toActionItemDto } from "./load-action-items.ts";

/** Removes an item added by mistake; dropping real work is "won't do", which keeps the record. */
export async function deleteActionItem(actor: Actor, itemId: string, now = new Date()): Promise<{ id: string; deleted: true }> {
  assertCan(actor, "action-item:edit");
  assertId(itemId, "Action item");
  const postmortemId = await db().$transaction(async (tx) => {
    const current = await tx.actionItem.findFirst({
      where: { id: itemId, organizationId: actor.organizationId },
      select: actionItemSelect,
    });
    if (!current) throw notFound("Action item");
    await tx.actionItem.delete({ where: { id: itemId } });
    const today = calendarDay(now, await orgTimeZone(tx, actor.organizationId));
    await recordAudit(tx, actor, {
      action: "action_item.delete",
      entityType: "ActionItem",
      entityId: itemId,
      before: auditView(toActionItemDto(current, today)),
    });
    return current.postmortemId;
  }, TX_OPTIONS);
  publishActionItemChanged(actor.organizationId, { action: "deleted", id: itemId, postmortemId, item: null });
  return { id: itemId, deleted: true };
}
