import type { Prisma } from "../db/generated/client.ts";
import type { OutboundEvent, OutboundKindName } from "./events.ts";

export const channelSelect = {
  id: true,
  kind: true,
  name: true,
  url: true,
  secret: true,
  events: true,
  isEnabled: true,
  acceptsDrills: true,
  teamId: true,
  team: { select: { id: true, name: true } },
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.OutboundChannelSelect;

export type ChannelRow = Prisma.OutboundChannelGetPayload<{ select: typeof channelSelect }>;

/** A channel as admins see it: never the signing secret, only whether there is one. */
export interface ChannelDto {
  id: string;
  kind: OutboundKindName;
  name: string;
  /** Slack and Teams URLs are credentials: shown with the path masked beyond its start. */
  url: string;
  urlPreview: string;
  hasSecret: boolean;
  events: OutboundEvent[];
  isEnabled: boolean;
  /** Hears game-day drills (marked [DRILL]); every other channel never hears of one. */
  acceptsDrills: boolean;
  team: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  stats?: { pending: number; delivered: number; failed: number; lastDeliveredAt: string | null };
}

/** "https://hooks.slack.com/services/T0…" — enough to recognise it, not enough to post to it. */
export function previewUrl(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.length > 12 ? `${u.pathname.slice(0, 12)}…` : u.pathname;
    return `${u.protocol}//${u.host}${path}`;
  } catch {
    return url.slice(0, 24);
  }
}

export function toChannelDto(row: ChannelRow): ChannelDto {
  return {
    id: row.id,
    // Only Slack, Teams and webhook channels reach here: paging routes' channels are filtered out.
    kind: row.kind as OutboundKindName,
    name: row.name,
    url: row.url,
    urlPreview: previewUrl(row.url),
    hasSecret: Boolean(row.secret),
    events: row.events as OutboundEvent[],
    isEnabled: row.isEnabled,
    acceptsDrills: row.acceptsDrills,
    team: row.team,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audit log keeps what changed, never the URL's token or the secret. */
export function auditView(dto: ChannelDto) {
  return {
    kind: dto.kind,
    name: dto.name,
    url: dto.urlPreview,
    team: dto.team?.name ?? null,
    events: dto.events,
    isEnabled: dto.isEnabled,
    acceptsDrills: dto.acceptsDrills,
  };
}
