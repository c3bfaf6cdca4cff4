import type { Prisma } from "../db/generated/client.ts";
import { previewUrl } from "../outbound/channel-dto.ts";
import type { EscalationActionName, PagingKindName } from "./constants.ts";
import { respondersOf } from "./queue-page.ts";
import type { Responder } from "./render-page.ts";

export const routeDtoSelect = {
  id: true,
  teamId: true,
  responders: true,
  escalateAfterMinutes: true,
  escalation: true,
  escalationTeam: { select: { id: true, name: true } },
  channel: { select: { id: true, kind: true, url: true, secret: true, isEnabled: true } },
  updatedAt: true,
} satisfies Prisma.PagingRouteSelect;

export type RouteDtoRow = Prisma.PagingRouteGetPayload<{ select: typeof routeDtoSelect }>;

/** A team's paging route as editors see it: never the key or secret, only whether there is one. */
export interface PagingRouteDto {
  id: string;
  teamId: string;
  kind: PagingKindName;
  hasKey: boolean;
  /** The page webhook's address (start only); null for PagerDuty and Opsgenie. */
  urlPreview: string | null;
  responders: Responder[];
  escalateAfterMinutes: number | null;
  escalation: EscalationActionName;
  escalationTeam: { id: string; name: string } | null;
  isEnabled: boolean;
  updatedAt: string;
}

export function toRouteDto(row: RouteDtoRow): PagingRouteDto {
  const kind: PagingKindName = row.channel.kind === "pagerduty" || row.channel.kind === "opsgenie" ? row.channel.kind : "webhook";
  return {
    id: row.id,
    teamId: row.teamId,
    kind,
    hasKey: Boolean(row.channel.secret),
    urlPreview: kind === "webhook" ? previewUrl(row.channel.url) : null,
    responders: respondersOf(row.responders),
    escalateAfterMinutes: row.escalateAfterMinutes,
    escalation: row.escalation,
    escalationTeam: row.escalationTeam,
    isEnabled: row.channel.isEnabled,
    updatedAt: row.updatedAt.toISOString(),
  };
}
