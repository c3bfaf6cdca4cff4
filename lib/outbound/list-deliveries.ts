import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { ZListDeliveries } from "./schemas.ts";
import { invalidField } from "../errors/field-errors.ts";
import { type DeliveryDto, deliverySelect, toDeliveryDto } from "./delivery-dto.ts";

/** The delivery log, newest first; `before` (a delivery id) pages back. */
export async function listDeliveries(actor: Actor, query: unknown): Promise<{ deliveries: DeliveryDto[]; hasMore: boolean }> {
  assertCan(actor, "org:admin");
  const q = ZListDeliveries.parse(query);
  let cursor: { createdAt: Date; id: string } | null = null;
  if (q.before) {
    cursor = await db().outboundDelivery.findFirst({
      where: { id: q.before, organizationId: actor.organizationId },
      select: { createdAt: true, id: true },
    });
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
