import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { auditView, channelSelect, toChannelDto, type ChannelDto } from "./channel-dto.ts";
import { ZUpdateChannel } from "./schemas.ts";
import { generateSigningSecret } from "./sign-webhook.ts";
import { invalidField } from "../errors/field-errors.ts";
import { checkName, checkTeam } from "./channel-record.ts";
import { findChannelOrThrow } from "./find-channel-or-throw.ts";

/** Changes a channel; `rotateSecret` (signed webhooks) issues a new secret, returned once. */
export async function updateChannel(actor: Actor, id: string, input: unknown): Promise<{ channel: ChannelDto; secret: string | null }> {
  assertCan(actor, "org:admin");
  const { rotateSecret, ...data } = ZUpdateChannel.parse(input);
  return db().$transaction(async (tx) => {
    const before = await findChannelOrThrow(tx, actor, id);
    if (rotateSecret && before.kind !== "webhook") throw invalidField("rotateSecret", "only signed webhooks have a signing secret");
    if (data.name !== undefined) await checkName(tx, actor, data.name, id);
    await checkTeam(tx, actor, data.teamId);
    const secret = rotateSecret ? generateSigningSecret() : null;
    const row = await tx.outboundChannel.update({
      where: { id: before.id },
      data: { ...data, ...(secret ? { secret } : {}) },
      select: channelSelect,
    });
    const channel = toChannelDto(row);
    await recordAudit(tx, actor, {
      action: secret ? "notification_channel.rotate_secret" : "notification_channel.update",
      entityType: "OutboundChannel",
      entityId: row.id,
      before: auditView(toChannelDto(before)),
      after: auditView(channel),
    });
    return { channel, secret };
  });
}
