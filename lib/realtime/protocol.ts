// Client-safe: the Socket.io contract between server and browsers (documented in the README).
import type { IncidentDto } from "../incidents/incident-dto.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";

export interface PresenceUser {
  id: string;
  name: string;
  role: string;
}

export type JoinAck =
  | { ok: true; lastSeq: number; events: TimelineEventDto[]; hasMore: boolean; presence: PresenceUser[] }
  | { ok: false; error: { code: string; message: string } };

export interface ServerToClientEvents {
  "timeline:event": (payload: { incidentId: string; event: TimelineEventDto }) => void;
  "presence:update": (payload: { incidentId: string; users: PresenceUser[] }) => void;
  "incident:declared": (payload: { incident: IncidentDto }) => void;
  "incident:updated": (payload: { incident: IncidentDto }) => void;
}

export interface ClientToServerEvents {
  "incident:join": (payload: { incidentId: string; afterSeq?: number }, ack: (result: JoinAck) => void) => void;
  "incident:leave": (payload: { incidentId: string }) => void;
}

export const incidentRoom = (incidentId: string) => `incident:${incidentId}`;
export const orgRoom = (organizationId: string) => `org:${organizationId}`;
