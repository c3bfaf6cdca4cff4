import type { Actor } from "../../lib/auth/actor.ts";
import { db } from "../../lib/db/client.ts";
import { createChannel } from "../../lib/outbound/create-channel.ts";
import type { ChannelDto } from "../../lib/outbound/channel-dto.ts";
import type { TCreateChannel } from "../../lib/outbound/schemas.ts";

let count = 0;

/** A notification channel through the one write path (a Slack channel by default, all events). */
export async function seedNotificationChannel(
  actor: Actor,
  overrides: Partial<TCreateChannel> = {},
): Promise<ChannelDto & { secret: string | null }> {
  const { channel, secret } = await createChannel(actor, {
    kind: "slack",
    name: `Notifications ${++count}`,
    url: "https://hooks.slack.com/services/T000/B000/test",
    ...overrides,
  });
  return { ...channel, secret };
}

/** A delivery that already gave up, as the sender leaves it after its last attempt. */
export async function seedFailedDelivery(actor: Actor, channel: Partial<TCreateChannel> = {}): Promise<string> {
  const { id } = await seedNotificationChannel(actor, channel);
  const row = await db().outboundDelivery.create({
    data: {
      organizationId: actor.organizationId,
      channelId: id,
      event: "incident.declared",
      payload: { text: "hello" },
      status: "failed",
      attempts: 8,
      lastStatusCode: 500,
      lastError: "HTTP 500: down",
    },
  });
  return row.id;
}
