import type { Prisma } from "../db/generated/client.ts";
import { incidentRef } from "../vocabulary/incidents.ts";
import { type DeliveryChannelKind, type DeliveryStatusName } from "./events.ts";

export const deliverySelect = {
  id: true,
  event: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastStatusCode: true,
  lastError: true,
  deliveredAt: true,
  createdAt: true,
  channel: { select: { id: true, name: true, kind: true, team: { select: { name: true } }, pagingRoute: { select: { id: true } } } },
  incident: { select: { id: true, number: true, title: true } },
} satisfies Prisma.OutboundDeliverySelect;

type DeliveryRow = Prisma.OutboundDeliveryGetPayload<{ select: typeof deliverySelect }>;

export interface DeliveryDto {
  id: string;
  event: string;
  status: DeliveryStatusName;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string;
  deliveredAt: string | null;
  createdAt: string;
  channel: { id: string; name: string; kind: DeliveryChannelKind };
  incident: { id: string; ref: string; title: string } | null;
}

export function toDeliveryDto(row: DeliveryRow): DeliveryDto {
  return {
    id: row.id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    // A paging route's channel is named by its team's id; the log names the team.
    channel: {
      id: row.channel.id,
      name: row.channel.pagingRoute ? `Paging ${row.channel.team?.name ?? ""}`.trim() : row.channel.name,
      kind: row.channel.kind,
    },
    incident: row.incident ? { id: row.incident.id, ref: incidentRef(row.incident.number), title: row.incident.title } : null,
  };
}
