import { assertCan, type Actor } from "../auth/actor.ts";
import { assertId } from "../errors/field-errors.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import type { ActionItemListDto } from "./action-item-dto.ts";
import { calendarDay, compareFollowUps } from "./follow-up-order.ts";
import { actionItemSelect, orgTimeZone, toActionItemDto } from "./load-action-items.ts";
import { ZListActionItems } from "./schemas.ts";

/** One post-mortem's action items, in the order they were added. */
export async function listPostmortemActionItems(actor: Actor, postmortemId: string, now = new Date()): Promise<ActionItemListDto> {
  assertCan(actor, "incident:read");
  assertId(postmortemId, "Post-mortem");
  const postmortem = await db().postmortem.findFirst({
    where: { id: postmortemId, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!postmortem) throw notFound("Post-mortem");
  const [timeZone, rows] = await Promise.all([
    orgTimeZone(db(), actor.organizationId),
    db().actionItem.findMany({
      where: { postmortemId, organizationId: actor.organizationId },
      select: actionItemSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const today = calendarDay(now, timeZone);
  return { items: rows.map((r) => toActionItemDto(r, today)), today };
}

/**
 * Follow-ups across every post-mortem of the organisation, overdue first, then due soonest, then
 * undated. `status` defaults to what is still to do (open, in progress); an owner filter takes a
 * person or a team.
 */
export async function listActionItems(actor: Actor, query: unknown, now = new Date()): Promise<ActionItemListDto> {
  assertCan(actor, "incident:read");
  const filters = ZListActionItems.parse(query);
  const where: Prisma.ActionItemWhereInput = {
    organizationId: actor.organizationId,
    status: { in: filters.status ?? ["open", "in_progress"] },
    ...(filters.ownerUserId ? { ownerUserId: filters.ownerUserId } : {}),
    ...(filters.ownerTeamId ? { ownerTeamId: filters.ownerTeamId } : {}),
  };
  const [timeZone, rows] = await Promise.all([
    orgTimeZone(db(), actor.organizationId),
    db().actionItem.findMany({ where, select: actionItemSelect, take: 1000 }),
  ]);
  const today = calendarDay(now, timeZone);
  return { items: rows.map((r) => toActionItemDto(r, today)).sort(compareFollowUps), today };
}
