import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { incidentRef } from "../vocabulary/incidents.ts";
import { z } from "zod";
import { findChannelOrThrow } from "./channels.ts";
import { TEST_EVENT, type DeliveryChannelKind, type DeliveryStatusName, type OutboundKindName } from "./events.ts";
import { kickOutbound } from "./kick-outbound.ts";
import { renderPayload } from "./render-payload.ts";
import { ZListDeliveries } from "./schemas.ts";
import { invalidField } from "../errors/field-errors.ts";

const deliverySelect = {
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

function toDeliveryDto(row: DeliveryRow): DeliveryDto {
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
    channel: { id: row.channel.id, name: row.channel.pagingRoute ? `Paging ${row.channel.team?.name ?? ""}`.trim() : row.channel.name, kind: row.channel.kind },
    incident: row.incident ? { id: row.incident.id, ref: incidentRef(row.incident.number), title: row.incident.title } : null,
  };
}

/** The delivery log, newest first; `before` (a delivery id) pages back. */
export async function listDeliveries(actor: Actor, query: unknown): Promise<{ deliveries: DeliveryDto[]; hasMore: boolean }> {
  assertCan(actor, "org:admin");
  const q = ZListDeliveries.parse(query);
  let cursor: { createdAt: Date; id: string } | null = null;
  if (q.before) {
    cursor = await db().outboundDelivery.findFirst({ where: { id: q.before, organizationId: actor.organizationId }, select: { createdAt: true, id: true } });
    if (!cursor) throw invalidField("before", "no such delivery");
  }
  const rows = await db().outboundDelivery.findMany({
    where: {
      organizationId: actor.organizationId,
      ...(q.status ? { status: q.status } : {}),
      ...(q.channelId ? { channelId: q.channelId } : {}),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    select: deliverySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  return { deliveries: rows.slice(0, q.limit).map(toDeliveryDto), hasMore: rows.length > q.limit };
}

async function findDeliveryOrThrow(actor: Actor, id: string) {
  if (!z.uuid().safeParse(id).success) throw notFound("Delivery");
  const row = await db().outboundDelivery.findFirst({ where: { id, organizationId: actor.organizationId }, select: deliverySelect });
  if (!row) throw notFound("Delivery");
  return row;
}

/** Sends a failed delivery once more, now (the same bytes as before). */
export async function retryDelivery(actor: Actor, id: string): Promise<DeliveryDto> {
  assertCan(actor, "org:admin");
  const found = await findDeliveryOrThrow(actor, id);
  const row = await db().$transaction(async (tx) => {
    const changed = await tx.outboundDelivery.updateMany({
      where: { id: found.id, status: "failed" },
      data: { status: "pending", nextAttemptAt: new Date(), leaseUntil: null },
    });
    if (changed.count === 0) throw new AppError("conflict", found.status === "delivered" ? "This message was already delivered" : "This message is already queued");
    await recordAudit(tx, actor, { action: "notification_delivery.retry", entityType: "OutboundDelivery", entityId: found.id, after: { channel: found.channel.name, event: found.event, attempts: found.attempts } });
    return tx.outboundDelivery.findUniqueOrThrow({ where: { id: found.id }, select: deliverySelect });
  });
  kickOutbound();
  return toDeliveryDto(row);
}

/** Queues a test message to one channel, whatever its events or state, and wakes the sender. */
export async function sendTestMessage(actor: Actor, channelId: string): Promise<DeliveryDto> {
  assertCan(actor, "org:admin");
  const row = await db().$transaction(async (tx) => {
    const channel = await findChannelOrThrow(tx, actor, channelId);
    const payload = renderPayload(channel.kind as OutboundKindName, {
      event: TEST_EVENT,
      occurredAt: new Date().toISOString(),
      incident: null,
      data: { text: `Test message from Warroom: “${channel.name}” is connected. ${actor.name} sent it from Settings → Notifications.` },
    });
    const created = await tx.outboundDelivery.create({
      data: { organizationId: actor.organizationId, channelId: channel.id, event: TEST_EVENT, payload: payload as Prisma.InputJsonValue },
      select: deliverySelect,
    });
    await recordAudit(tx, actor, { action: "notification_channel.test", entityType: "OutboundChannel", entityId: channel.id, after: { deliveryId: created.id } });
    return created;
  });
  kickOutbound();
  return toDeliveryDto(row);
}
