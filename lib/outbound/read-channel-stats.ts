import { db } from "../db/client.ts";
import { type ChannelDto } from "./channel-dto.ts";

export async function readChannelStats(ids: string[]): Promise<Map<string, NonNullable<ChannelDto["stats"]>>> {
  const stats = new Map<string, NonNullable<ChannelDto["stats"]>>(
    ids.map((id) => [id, { pending: 0, delivered: 0, failed: 0, lastDeliveredAt: null }]),
  );
  if (!ids.length) return stats;
  const [counts, last] = await Promise.all([
    db().outboundDelivery.groupBy({ by: ["channelId", "status"], where: { channelId: { in: ids } }, _count: { _all: true } }),
    db().outboundDelivery.groupBy({
      by: ["channelId"],
      where: { channelId: { in: ids }, status: "delivered" },
      _max: { deliveredAt: true },
    }),
  ]);
  for (const c of counts) {
    const s = stats.get(c.channelId);
    if (s) s[c.status] = c._count._all;
  }
  for (const l of last) {
    const s = stats.get(l.channelId);
    if (s) s.lastDeliveredAt = l._max.deliveredAt?.toISOString() ?? null;
  }
  return stats;
}
