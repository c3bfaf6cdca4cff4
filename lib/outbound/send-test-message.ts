import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { findChannelOrThrow } from "./find-channel-or-throw.ts";
import { TEST_EVENT, type OutboundKindName } from "./events.ts";
import { kickOutbound } from "./kick-outbound.ts";
import { renderPayload } from "./render-payload.ts";
import { type DeliveryDto, deliverySelect, toDeliveryDto } from "./delivery-dto.ts";

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
    await recordAudit(tx, actor, {
      action: "notification_channel.test",
      entityType: "OutboundChannel",
      entityId: channel.id,
      after: { deliveryId: created.id },
    });
    return created;
  });
  kickOutbound();
  return toDeliveryDto(row);
}
