// Client-safe: the Socket.io contract between server and browsers (documented in the README).
// realtime sits below the domains (tests/unit/lib-layers.test.ts), so it names no domain type:
// each domain adds the events that carry its DTO to ServerToClientEvents beside that DTO
// (`declare module "../realtime/protocol.ts"` in timeline/event-dto.ts, incident-record/incident-dto.ts,
// impact/impact-dto.ts, postmortems/postmortem-dto.ts, stakeholder/stakeholder-dto.ts and
// action-items/action-item-dto.ts). The compiler merges them into the one map used here.
import type { ErrorCode } from "../errors/app-error.ts";
import type { FieldError } from "../errors/to-app-error.ts";

/**
 * A refused acknowledgement, in the HTTP API's error shape: a `validation_failed` names each bad
 * field in `details.fields` (`incidentId`, `afterSeq`…), as a 422 does.
 */
export interface AckError {
  code: ErrorCode;
  message: string;
  details?: { fields: FieldError[] };
}

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
  | {
      ok: true;
      lastSeq: number;
      events: ServerPayload<"timeline:event">["event"][];
      hasMore: boolean;
      presence: PresenceUser[];
      incident: ServerPayload<"incident:updated">["incident"];
    }
  | { ok: false; error: AckError };

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

/** A service's health as last pushed or polled (see lib/catalog/service-health.ts and report-health.ts). */
export interface ServiceHealthUpdate {
  serviceId: string;
  health: "unknown" | "ok" | "degraded" | "down";
  healthMessage: string;
  healthCheckedAt: string | null;
}

/**
 * What the server pushes. Only the domain-free events are listed here; "timeline:event",
 * "incident:declared", "incident:updated", "impact:updated", "postmortem:section",
 * "postmortem:updated", "stakeholder:updated" and "action-item:changed" are declared beside
 * their DTOs (see the top of this file).
 */
export interface ServerToClientEvents {
  "presence:delta": (payload: PresenceDelta) => void;
  "catalog:changed": (payload: CatalogChange) => void;
  "service:health": (payload: ServiceHealthUpdate) => void;
  "postmortem:presence": (payload: { postmortemId: string; users: PostmortemEditor[] }) => void;
}

/** The payload of one server event, whoever declared it. */
export type ServerPayload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

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

export type PostmortemJoinAck =
  { ok: true; postmortem: ServerPayload<"postmortem:updated">["postmortem"]; users: PostmortemEditor[] } | { ok: false; error: AckError };

export const postmortemRoom = (postmortemId: string) => `postmortem:${postmortemId}`;
export const incidentRoom = (incidentId: string) => `incident:${incidentId}`;
export const orgRoom = (organizationId: string) => `org:${organizationId}`;
