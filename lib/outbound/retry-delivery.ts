import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { z } from "zod";
import { kickOutbound } from "./kick-outbound.ts";
import { type DeliveryDto, deliverySelect, toDeliveryDto } from "./delivery-dto.ts";

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
    if (changed.count === 0)
      throw new AppError(
        "conflict",
        found.status === "delivered" ? "This message was already delivered" : "This message is already queued",
      );
    await recordAudit(tx, actor, {
      action: "notification_delivery.retry",
      entityType: "OutboundDelivery",
      entityId: found.id,
      after: { channel: found.channel.name, event: found.event, attempts: found.attempts },
    });
    return tx.outboundDelivery.findUniqueOrThrow({ where: { id: found.id }, select: deliverySelect });
  });
  kickOutbound();
  return toDeliveryDto(row);
}
