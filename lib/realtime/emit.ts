import type { Server } from "socket.io";
import type { Actor } from "../auth/actor.ts";
import { incCounter, observeSeconds } from "../observability/metrics.ts";
import {
  incidentRoom,
  orgRoom,
  postmortemRoom,
  type CatalogChange,
  type ClientToServerEvents,
  type PostmortemEditor,
  type PresenceDelta,
  type PresenceUser,
  type ServerPayload,
  type ServerToClientEvents,
  type ServiceHealthUpdate,
} from "./protocol.ts";

// Every realtime push goes through this file: moving to a multi-instance adapter changes one
// place. server.ts owns the io instance; route handlers are bundled separately, hence globalThis.
// It knows no domain: payload types come from the event map (protocol.ts), which each domain
// extends beside its DTO.
export interface SocketData {
  actor: Actor;
  /** Post-mortem id → the section key this socket is editing (presence only, never data). */
  postmortemEditing?: Record<string, string | null>;
  /** Incident rooms this socket joined and is shown present in. */
  incidents?: Set<string>;
}
/** What one instance tells the others about its own sockets in a room (see presence.ts). */
export interface InstancePresence {
  instanceId: string;
  incidentId: string;
  joined: PresenceUser[];
  left: string[];
}

/** Between instances only (through the fan-out adapter), never to browsers. */
export interface InterServerEvents {
  "presence:instance": (change: InstancePresence) => void;
  "presence:snapshot": (reply: (rooms: InstancePresence[]) => void) => void;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

declare global {
  var __warroomIo: RealtimeServer | undefined;
}

export function setRealtimeServer(io: RealtimeServer | undefined): void {
  globalThis.__warroomIo = io;
}

function io(): RealtimeServer | undefined {
  return globalThis.__warroomIo;
}

/** Called only after the transaction that stored the event has committed. */
export function publishTimelineEvent(event: ServerPayload<"timeline:event">["event"]): void {
  const server = io();
  if (!server) return;
  server.to(incidentRoom(event.incidentId)).emit("timeline:event", { incidentId: event.incidentId, event });
  // From now() of the writing transaction to the broadcast: the write, commit and queueing time.
  observeSeconds(
    "warroom_timeline_fanout_seconds",
    "Timeline entry: database timestamp to broadcast",
    Math.max(0, Date.now() - Date.parse(event.recordedAt)) / 1000,
  );
}

export function publishIncidentDeclared(organizationId: string, incident: ServerPayload<"incident:declared">["incident"]): void {
  io()?.to(orgRoom(organizationId)).emit("incident:declared", { incident });
}

export function publishIncidentUpdated(organizationId: string, incident: ServerPayload<"incident:updated">["incident"]): void {
  io()?.to(orgRoom(organizationId)).to(incidentRoom(incident.id)).emit("incident:updated", { incident });
}

export function publishCatalogChanged(organizationId: string, change: CatalogChange): void {
  io()?.to(orgRoom(organizationId)).emit("catalog:changed", change);
}

/** A service's health changed (pushed through the API or found by the poller). */
export function publishServiceHealth(organizationId: string, update: ServiceHealthUpdate): void {
  io()?.to(orgRoom(organizationId)).emit("service:health", update);
}

/** An incident's money at stake changed: to its room and to the organisation (triage board). */
export function publishImpactUpdated(organizationId: string, impact: ServerPayload<"impact:updated">["impact"]): void {
  io()?.to(orgRoom(organizationId)).to(incidentRoom(impact.incidentId)).emit("impact:updated", { incidentId: impact.incidentId, impact });
}

/** A post-mortem section was saved: everyone with the post-mortem open sees it at once. */
export function publishPostmortemSection(postmortemId: string, section: ServerPayload<"postmortem:section">["section"]): void {
  io()?.to(postmortemRoom(postmortemId)).emit("postmortem:section", { postmortemId, section });
}

/** Title, state, reviews or revisions changed. */
export function publishPostmortemUpdated(postmortem: ServerPayload<"postmortem:updated">["postmortem"]): void {
  io()?.to(postmortemRoom(postmortem.id)).emit("postmortem:updated", { postmortem });
}

/** A stakeholder update was posted (or its reminder went out): to the room and the organisation (triage board). */
export function publishStakeholderUpdate(organizationId: string, update: ServerPayload<"stakeholder:updated">["update"]): void {
  io()
    ?.to(orgRoom(organizationId))
    .to(incidentRoom(update.incidentId))
    .emit("stakeholder:updated", { incidentId: update.incidentId, update });
}

/** A follow-up changed: to the organisation (follow-ups page, post-mortem pages refetch or patch). */
export function publishActionItemChanged(organizationId: string, change: ServerPayload<"action-item:changed">): void {
  io()?.to(orgRoom(organizationId)).emit("action-item:changed", change);
}

/**
 * Who arrived and left in a room during the last presence window (or, from another instance, as
 * it told us). Takes the server explicitly:
 * presence state belongs to one server (tests run several in one process).
 */
export function emitPresenceDelta(server: RealtimeServer, delta: PresenceDelta): void {
  const room = incidentRoom(delta.incidentId);
  // To this instance's sockets only: every instance derives its sockets' deltas from its own view
  // of the room (presence.ts), the view its join acks are read from.
  server.local.to(room).emit("presence:delta", delta);
  incCounter("warroom_presence_messages_total", "Presence deltas broadcast to incident rooms");
  // Copies written to this instance's sockets: what presence costs the clients.
  incCounter(
    "warroom_presence_deliveries_total",
    "Presence deltas written to sockets on this instance",
    {},
    server.of("/").adapter.rooms.get(room)?.size ?? 0,
  );
}

/** This instance's own changes in a room, for the other instances' view of who is where. */
export function tellOtherInstances(server: RealtimeServer, change: InstancePresence): void {
  server.serverSideEmit("presence:instance", change);
}

/**
 * Who has a post-mortem open and which section each edits, across instances, told to its room;
 * returns the list (the joining socket's acknowledgement carries it too). Takes the server of the
 * socket that changed it: a process may hold several in tests.
 */
export async function publishPostmortemPresence(server: RealtimeServer, postmortemId: string): Promise<PostmortemEditor[]> {
  const sockets = await server.in(postmortemRoom(postmortemId)).fetchSockets();
  const users = new Map<string, PostmortemEditor>();
  for (const s of sockets) {
    const a = s.data.actor;
    const sectionKey = s.data.postmortemEditing?.[postmortemId] ?? null;
    // Several tabs of one person: any tab editing wins over one reading.
    if (!users.has(a.userId) || sectionKey) users.set(a.userId, { id: a.userId, name: a.name, sectionKey });
  }
  const list = [...users.values()].sort((a, b) => a.name.localeCompare(b.name));
  server.to(postmortemRoom(postmortemId)).emit("postmortem:presence", { postmortemId, users: list });
  return list;
}
