import { type Actor } from "../auth/actor.ts";
import type { Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import { z } from "zod";
import { channelSelect } from "./channel-dto.ts";

type Tx = Prisma.TransactionClient;

export async function findChannelOrThrow(tx: Tx, actor: Actor, id: string) {
  if (!z.uuid().safeParse(id).success) throw notFound("Notification channel");
  // A paging route's channel is managed with its route (lib/paging), not here.
  const row = await tx.outboundChannel.findFirst({
    where: { id, organizationId: actor.organizationId, pagingRoute: { is: null } },
    select: channelSelect,
  });
  if (!row) throw notFound("Notification channel");
  return row;
}
