import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { auditView, toChannelDto } from "./channel-dto.ts";
import { findChannelOrThrow } from "./find-channel-or-throw.ts";

/** Deletes the channel and its delivery log (queued messages are not sent). */
export async function deleteChannel(actor: Actor, id: string): Promise<{ deleted: { id: string; name: string } }> {
  assertCan(actor, "org:admin");
  return db().$transaction(async (tx) => {
    const row = await findChannelOrThrow(tx, actor, id);
    await tx.outboundChannel.delete({ where: { id: row.id } });
    await recordAudit(tx, actor, {
      action: "notification_channel.delete",
      entityType: "OutboundChannel",
      entityId: row.id,
      before: auditView(toChannelDto(row)),
    });
    return { deleted: { id: row.id, name: row.name } };
  });
}
