import type { Prisma } from "../db/generated/client.ts";
import type { PageStatusName, PagingKindName } from "./constants.ts";

export const pageSelect = {
  id: true,
  incidentId: true,
  teamId: true,
  kind: true,
  dedupKey: true,
  status: true,
  reason: true,
  pagedAt: true,
  pagedBy: { select: { id: true, name: true } },
  eventSeq: true,
  acknowledgedAt: true,
  acknowledgedBy: true,
  escalations: true,
  nextEscalationAt: true,
  lastError: true,
  lastStatusCode: true,
  resolvedAt: true,
  team: { select: { id: true, name: true } },
} satisfies Prisma.PageSelect;

export type PageRow = Prisma.PageGetPayload<{ select: typeof pageSelect }>;

/** One team paged for one incident, as the room shows it. */
export interface PageDto {
  id: string;
  incidentId: string;
  team: { id: string; name: string };
  kind: PagingKindName;
  dedupKey: string;
  status: PageStatusName;
  reason: string;
  pagedAt: string;
  pagedBy: { id: string; name: string } | null;
  eventSeq: number;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  escalations: number;
  nextEscalationAt: string | null;
  /** The vendor's refusal ("HTTP 400: …"), or "" when it took the page. */
  lastError: string;
  lastStatusCode: number | null;
  resolvedAt: string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toPageDto(row: PageRow): PageDto {
  return {
    id: row.id,
    incidentId: row.incidentId,
    team: row.team,
    kind: row.kind === "pagerduty" || row.kind === "opsgenie" ? row.kind : "webhook",
    dedupKey: row.dedupKey,
    status: row.status,
    reason: row.reason,
    pagedAt: row.pagedAt.toISOString(),
    pagedBy: row.pagedBy,
    eventSeq: row.eventSeq,
    acknowledgedAt: iso(row.acknowledgedAt),
    acknowledgedBy: row.acknowledgedBy,
    escalations: row.escalations,
    nextEscalationAt: iso(row.nextEscalationAt),
    lastError: row.lastError,
    lastStatusCode: row.lastStatusCode,
    resolvedAt: iso(row.resolvedAt),
  };
}

/** GET /api/incidents/{id}/pages: the incident's pages and the teams that can be paged. */
export interface IncidentPagesDto {
  pages: PageDto[];
  pageableTeamIds: string[];
}
