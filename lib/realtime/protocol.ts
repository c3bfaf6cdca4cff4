// Client-safe: the Socket.io contract between server and browsers (documented in the README).
import type { ActionItemDto } from "../action-items/action-item-dto.ts";
import type { ImpactSummaryDto } from "../impact/impact-dto.ts";
import type { IncidentDto } from "../incidents/incident-dto.ts";
import type { PostmortemDto, PostmortemSectionDto } from "../postmortems/postmortem-dto.ts";
import type { StakeholderUpdateDto } from "../stakeholder/stakeholder-dto.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";

export interface PresenceUser {
  id: string;
  name: string;
  role: string;
}

/**
 * The answer to `incident:join`: the entries after `afterSeq` (or the newest page), everyone in the
 * room (the only time the full list is sent) and the incident itself, so a client that reconnects
 * has its header (severity, status, commander) right again without another request.
 */
export type JoinAck =
  | { ok: true; lastSeq: number; events: TimelineEventDto[]; hasMore: boolean; presence: PresenceUser[]; incident: IncidentDto }
  | { ok: false; error: { code: string; message: string } };

/**
 * Who arrived and who left since the last delta, coalesced over a short window: what a join costs
 * the others does not grow with the room. Apply in order: add `joined`, remove `left` (user ids).
 */
export interface PresenceDelta {
  incidentId: string;
  joined: PresenceUser[];
  left: string[];
}

/**
 * Reconnection for every client (browsers and the load benchmark): exponential backoff from 1 s
 * to 10 s, each delay randomised by ±50 %, so a restarted server is not met by every socket at once.
 */
export const RECONNECT_OPTIONS = { reconnectionDelay: 1_000, reconnectionDelayMax: 10_000, randomizationFactor: 0.5 } as const;

/**
 * A team, service or dependency was created, changed or deleted: catalog views refetch. An
 * import sends one `{ entity: "catalog", action: "imported", id: <organisation id> }` instead.
 */
export interface CatalogChange {
  entity: "team" | "service" | "dependency" | "catalog";
  action: "created" | "updated" | "deleted" | "imported";
  id: string;
}

/** A service's health as last pushed or polled (see lib/catalog/health.ts). */
export interface ServiceHealthUpdate {
  serviceId: string;
  health: "unknown" | "ok" | "degraded" | "down";
  healthMessage: string;
  healthCheckedAt: string | null;
}

/** A post-mortem action item was created, changed or deleted (`item` is null when deleted). */
export interface ActionItemChange {
  action: "created" | "updated" | "deleted";
  id: string;
  postmortemId: string;
  item: ActionItemDto | null;
}

export interface ServerToClientEvents {
  "timeline:event": (payload: { incidentId: string; event: TimelineEventDto }) => void;
  "presence:delta": (payload: PresenceDelta) => void;
  "incident:declared": (payload: { incident: IncidentDto }) => void;
  "incident:updated": (payload: { incident: IncidentDto }) => void;
  "impact:updated": (payload: { incidentId: string; impact: ImpactSummaryDto }) => void;
  "catalog:changed": (payload: CatalogChange) => void;
  "service:health": (payload: ServiceHealthUpdate) => void;
  "postmortem:section": (payload: { postmortemId: string; section: PostmortemSectionDto }) => void;
  "postmortem:updated": (payload: { postmortem: PostmortemDto }) => void;
  "postmortem:presence": (payload: { postmortemId: string; users: PostmortemEditor[] }) => void;
  "stakeholder:updated": (payload: { incidentId: string; update: StakeholderUpdateDto }) => void;
  "action-item:changed": (payload: ActionItemChange) => void;
}

export interface ClientToServerEvents {
  "incident:join": (payload: { incidentId: string; afterSeq?: number }, ack: (result: JoinAck) => void) => void;
  "incident:leave": (payload: { incidentId: string }) => void;
  "postmortem:join": (payload: { postmortemId: string }, ack: (result: PostmortemJoinAck) => void) => void;
  "postmortem:leave": (payload: { postmortemId: string }) => void;
  /** Which section this person is editing now (null: none); told to the others as presence. */
  "postmortem:editing": (payload: { postmortemId: string; sectionKey: string | null }) => void;
}

/** Who has a post-mortem open, and the section each is editing (null: reading). */
export interface PostmortemEditor {
  id: string;
  name: string;
  sectionKey: string | null;
}

export type PostmortemJoinAck = { ok: true; postmortem: PostmortemDto; users: PostmortemEditor[] } | { ok: false; error: { code: string; message: string } };

export const postmortemRoom = (postmortemId: string) => `postmortem:${postmortemId}`;
export const incidentRoom = (incidentId: string) => `incident:${incidentId}`;
export const orgRoom = (organizationId: string) => `org:${organizationId}`;
