import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { channelSelect, toChannelDto, type ChannelDto } from "./channel-dto.ts";
import { readChannelStats } from "./read-channel-stats.ts";

export async function listChannels(actor: Actor): Promise<ChannelDto[]> {
  assertCan(actor, "org:admin");
  const rows = await db().outboundChannel.findMany({
    where: { organizationId: actor.organizationId, pagingRoute: { is: null } },
    select: channelSelect,
    orderBy: { name: "asc" },
  });
  const stats = await readChannelStats(rows.map((r) => r.id));
  return rows.map((r) => ({ ...toChannelDto(r), stats: stats.get(r.id) }));
}
