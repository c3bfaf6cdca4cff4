import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { toChannelDto, type ChannelDto } from "./channel-dto.ts";
import { findChannelOrThrow } from "./find-channel-or-throw.ts";
import { readChannelStats } from "./read-channel-stats.ts";

export async function getChannel(actor: Actor, id: string): Promise<ChannelDto> {
  assertCan(actor, "org:admin");
  const row = await findChannelOrThrow(db(), actor, id);
  const stats = await readChannelStats([row.id]);
  return { ...toChannelDto(row), stats: stats.get(row.id) };
}
