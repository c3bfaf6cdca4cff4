import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { auditView, channelSelect, toChannelDto, type ChannelDto } from "./channel-dto.ts";
import { ZCreateChannel } from "./schemas.ts";
import { generateSigningSecret } from "./sign-webhook.ts";
import { checkName, checkTeam } from "./channel-record.ts";

/** A signed webhook gets a fresh signing secret; the answer is the only time it is shown. */
export async function createChannel(actor: Actor, input: unknown): Promise<{ channel: ChannelDto; secret: string | null }> {
  assertCan(actor, "org:admin");
  const data = ZCreateChannel.parse(input);
  const secret = data.kind === "webhook" ? generateSigningSecret() : null;
  const channel = await db().$transaction(async (tx) => {
    await checkName(tx, actor, data.name);
    await checkTeam(tx, actor, data.teamId);
    const row = await tx.outboundChannel.create({
      data: {
        organizationId: actor.organizationId,
        kind: data.kind,
        name: data.name,
        url: data.url,
        teamId: data.teamId,
        events: data.events,
        isEnabled: data.isEnabled,
        acceptsDrills: data.acceptsDrills,
        secret,
      },
      select: channelSelect,
    });
    const dto = toChannelDto(row);
    await recordAudit(tx, actor, {
      action: "notification_channel.create",
      entityType: "OutboundChannel",
      entityId: row.id,
      after: auditView(dto),
    });
    return dto;
  });
  return { channel, secret };
}
