import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import { z } from "zod";
import { auditView, channelSelect, toChannelDto, type ChannelDto } from "./channel-dto.ts";
import { ZCreateChannel, ZUpdateChannel } from "./schemas.ts";
import { generateSigningSecret } from "./sign-webhook.ts";
import { invalidField } from "../errors/field-errors.ts";

type Tx = Prisma.TransactionClient;

export async function findChannelOrThrow(tx: Tx, actor: Actor, id: string) {
  if (!z.uuid().safeParse(id).success) throw notFound("Notification channel");
  // A paging route's channel is managed with its route (lib/paging), not here.
  const row = await tx.outboundChannel.findFirst({ where: { id, organizationId: actor.organizationId, pagingRoute: { is: null } }, select: channelSelect });
  if (!row) throw notFound("Notification channel");
  return row;
}

async function checkName(tx: Tx, actor: Actor, name: string, exceptId?: string) {
  const clash = await tx.outboundChannel.findFirst({
    where: { organizationId: actor.organizationId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw invalidField("name", `a channel named "${name}" already exists`);
}

async function checkTeam(tx: Tx, actor: Actor, teamId: string | null | undefined) {
  if (!teamId) return;
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId: actor.organizationId }, select: { id: true } });
  if (!team) throw invalidField("teamId", "no such team in your organisation");
}

async function statsFor(ids: string[]): Promise<Map<string, NonNullable<ChannelDto["stats"]>>> {
  const stats = new Map<string, NonNullable<ChannelDto["stats"]>>(ids.map((id) => [id, { pending: 0, delivered: 0, failed: 0, lastDeliveredAt: null }]));
  if (!ids.length) return stats;
  const [counts, last] = await Promise.all([
    db().outboundDelivery.groupBy({ by: ["channelId", "status"], where: { channelId: { in: ids } }, _count: { _all: true } }),
    db().outboundDelivery.groupBy({ by: ["channelId"], where: { channelId: { in: ids }, status: "delivered" }, _max: { deliveredAt: true } }),
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

export async function listChannels(actor: Actor): Promise<ChannelDto[]> {
  assertCan(actor, "org:admin");
  const rows = await db().outboundChannel.findMany({ where: { organizationId: actor.organizationId, pagingRoute: { is: null } }, select: channelSelect, orderBy: { name: "asc" } });
  const stats = await statsFor(rows.map((r) => r.id));
  return rows.map((r) => ({ ...toChannelDto(r), stats: stats.get(r.id) }));
}

export async function getChannel(actor: Actor, id: string): Promise<ChannelDto> {
  assertCan(actor, "org:admin");
  const row = await findChannelOrThrow(db(), actor, id);
  const stats = await statsFor([row.id]);
  return { ...toChannelDto(row), stats: stats.get(row.id) };
}

/** A signed webhook gets a fresh signing secret; the answer is the only time it is shown. */
export async function createChannel(actor: Actor, input: unknown): Promise<{ channel: ChannelDto; secret: string | null }> {
  assertCan(actor, "org:admin");
  const data = ZCreateChannel.parse(input);
  const secret = data.kind === "webhook" ? generateSigningSecret() : null;
  const channel = await db().$transaction(async (tx) => {
    await checkName(tx, actor, data.name);
    await checkTeam(tx, actor, data.teamId);
    const row = await tx.outboundChannel.create({
      data: { organizationId: actor.organizationId, kind: data.kind, name: data.name, url: data.url, teamId: data.teamId, events: data.events, isEnabled: data.isEnabled, acceptsDrills: data.acceptsDrills, secret },
      select: channelSelect,
    });
    const dto = toChannelDto(row);
    await recordAudit(tx, actor, { action: "notification_channel.create", entityType: "OutboundChannel", entityId: row.id, after: auditView(dto) });
    return dto;
  });
  return { channel, secret };
}

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
    const row = await tx.outboundChannel.update({ where: { id: before.id }, data: { ...data, ...(secret ? { secret } : {}) }, select: channelSelect });
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

/** Deletes the channel and its delivery log (queued messages are not sent). */
export async function deleteChannel(actor: Actor, id: string): Promise<{ deleted: { id: string; name: string } }> {
  assertCan(actor, "org:admin");
  return db().$transaction(async (tx) => {
    const row = await findChannelOrThrow(tx, actor, id);
    await tx.outboundChannel.delete({ where: { id: row.id } });
    await recordAudit(tx, actor, { action: "notification_channel.delete", entityType: "OutboundChannel", entityId: row.id, before: auditView(toChannelDto(row)) });
    return { deleted: { id: row.id, name: row.name } };
  });
}
