import type { Prisma } from "../db/generated/client.ts";
import type { ActionItemDto } from "./action-item-dto.ts";
import { isOverdue } from "./follow-up-order.ts";

type Client = Prisma.TransactionClient;

export const actionItemSelect = {
  id: true,
  postmortemId: true,
  title: true,
  description: true,
  ownerUser: { select: { id: true, name: true } },
  ownerTeam: { select: { id: true, name: true } },
  dueDate: true,
  priority: true,
  status: true,
  ticketUrl: true,
  completedAt: true,
  createdAt: true,
  updatedAt: true,
  postmortem: {
    select: { id: true, title: true, status: true, incident: { select: { id: true, number: true, title: true, severity: true } } },
  },
} satisfies Prisma.ActionItemSelect;

export type ActionItemRow = Prisma.ActionItemGetPayload<{ select: typeof actionItemSelect }>;

/** A @db.Date comes back as UTC midnight of that day. */
export const dayOf = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
export const dateOfDay = (day: string | null | undefined): Date | null | undefined =>
  day === undefined ? undefined : day === null ? null : new Date(`${day}T00:00:00.000Z`);

export function toActionItemDto(row: ActionItemRow, today: string): ActionItemDto {
  const owner = row.ownerUser
    ? { kind: "user" as const, ...row.ownerUser }
    : row.ownerTeam
      ? { kind: "team" as const, ...row.ownerTeam }
      : null;
  const dueDate = dayOf(row.dueDate);
  const { incident } = row.postmortem;
  return {
    id: row.id,
    postmortemId: row.postmortemId,
    title: row.title,
    description: row.description,
    owner,
    dueDate,
    priority: row.priority,
    status: row.status,
    ticketUrl: row.ticketUrl,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    isOverdue: isOverdue({ dueDate, status: row.status }, today),
    postmortem: {
      id: row.postmortem.id,
      title: row.postmortem.title,
      status: row.postmortem.status,
      incident: { id: incident.id, ref: `INC-${incident.number}`, title: incident.title, severity: incident.severity },
    },
  };
}

/** The organisation's time zone, for "today" and so for overdue. */
export async function orgTimeZone(client: Client, organizationId: string): Promise<string> {
  const org = await client.organization.findUnique({ where: { id: organizationId }, select: { timeZone: true } });
  return org?.timeZone ?? "UTC";
}

/** What the audit log keeps of an item: its own fields, not the post-mortem it hangs off. */
export function auditView({
  postmortem: _postmortem,
  isOverdue: _isOverdue,
  ...item
}: ActionItemDto): Omit<ActionItemDto, "postmortem" | "isOverdue"> {
  return item;
}
