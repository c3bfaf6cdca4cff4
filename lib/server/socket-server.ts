import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import { assertCan } from "../auth/actor.ts";
import { resolveActorBatched } from "../auth/resolve-actor-batched.ts";
import { can } from "../auth/permissions.ts";
import { sessionFromCookieHeader } from "../auth/session-token.ts";
import type { AppError } from "../errors/app-error.ts";
import { toAppError, validationError, type FieldError } from "../errors/to-app-error.ts";
import { readIncidentHeader } from "../incident-record/read-incident-header.ts";
import type { IncidentDto } from "../incident-record/incident-dto.ts";
import { errorFields, log } from "../log.ts";
import { addCollector, replaceGauge } from "../observability/metrics.ts";
import { isSameOriginWrite } from "../http/same-origin.ts";
import { getPostmortem } from "../postmortems/get-postmortem.ts";
import { listEvents, type EventPage } from "../timeline/list-events.ts";
import { createCoalescer } from "../db/coalesce.ts";
import { publishPostmortemPresence, setRealtimeServer, type RealtimeServer, type SocketData } from "../realtime/emit.ts";
import { createPresence, type Presence } from "../realtime/presence.ts";
import {
  incidentRoom,
  orgRoom,
  type AckError,
  type ClientToServerEvents,
  type JoinAck,
  type PostmortemJoinAck,
  postmortemRoom,
  type ServerToClientEvents,
} from "../realtime/protocol.ts";

type WarroomSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const ZJoin = z.object({
  incidentId: z.string({ error: "incidentId is required" }).min(1, "incidentId is required"),
  afterSeq: z
    .number({ error: "afterSeq must be a number" })
    .int("afterSeq must be a whole number")
    .min(0, "afterSeq must be 0 or more")
    .optional(),
});
const JOIN_PAGE = 500;
const incidentReads = createCoalescer<IncidentDto>();
const pageReads = createCoalescer<EventPage>();

async function join(presence: Presence, socket: WarroomSocket, payload: unknown): Promise<JoinAck> {
  const parsed = ZJoin.safeParse(payload);
  if (!parsed.success) return { ok: false, error: ackError(validationError(parsed.error)) };
  const { incidentId, afterSeq } = parsed.data;
  const actor = socket.data.actor;
  assertCan(actor, "incident:read");
  // The same organisation-scoped read as the HTTP API: a socket joins only rooms it may read.
  // Joins of the same room in the same moment share the reads (see lib/db/coalesce.ts); the key holds the
  // organisation, so a read is only ever shared within the organisation it was scoped to.
  const incidentKey = `${actor.organizationId}:${incidentId}`;
  // One statement (see read-incident-header.ts), not the ORM's eleven: a herd's joins wait on it.
  const readIncident = () => incidentReads.read(incidentKey, () => readIncidentHeader(actor, incidentId));
  let incident = await readIncident();
  await presence.ready();
  // Join before reading, so nothing committed in between can fall through the gap.
  await socket.join(incidentRoom(incidentId));
  try {
    const query = afterSeq === undefined ? { limit: JOIN_PAGE } : { after: afterSeq, limit: JOIN_PAGE };
    const page = await pageReads.read(`${incidentKey}:${afterSeq ?? "latest"}`, () => listEvents(actor, incidentId, query));
    // Every incident change appends an entry: a newer sequence than the incident read means it may
    // have changed before the join, when its push could not reach this socket. Read it again then
    // only (a herd's joins cost one incident read each, not two).
    if (page.lastSeq > incident.lastSeq) incident = await readIncident();
    if (!socket.data.incidents?.has(incidentId)) {
      // A second join of the same room (a reconnect that raced) must not count the socket twice.
      socket.data.incidents = new Set([...(socket.data.incidents ?? []), incidentId]);
      presence.joined(incidentId, { id: actor.userId, name: actor.name, role: actor.role });
    }
    return { ok: true, lastSeq: page.lastSeq, events: page.events, hasMore: page.hasMore, presence: presence.list(incidentId), incident };
  } catch (error: unknown) {
    // A refused join must not leave the socket listening (or shown as present).
    await socket.leave(incidentRoom(incidentId));
    throw error;
  }
}

/** An ack's error in the HTTP error shape: a validation failure names its fields, as a 422 does. */
function ackError(error: AppError): AckError {
  const fields = (error.details as { fields?: FieldError[] } | undefined)?.fields;
  return { code: error.code, message: error.message, ...(error.code === "validation_failed" && fields ? { details: { fields } } : {}) };
}

function leave(presence: Presence, socket: WarroomSocket, incidentId: string): void {
  if (!socket.data.incidents?.delete(incidentId)) return;
  presence.left(incidentId, socket.data.actor.userId);
}

const ZPostmortemJoin = z.object({ postmortemId: z.string({ error: "postmortemId is required" }).min(1, "postmortemId is required") });
const ZPostmortemEditing = z.object({ postmortemId: z.string(), sectionKey: z.string().max(40).nullable() });

async function joinPostmortem(io: RealtimeServer, socket: WarroomSocket, payload: unknown): Promise<PostmortemJoinAck> {
  const parsed = ZPostmortemJoin.safeParse(payload);
  if (!parsed.success) return { ok: false, error: ackError(validationError(parsed.error)) };
  const { postmortemId } = parsed.data;
  // The same organisation-scoped read as the HTTP API decides whether the socket may join.
  await getPostmortem(socket.data.actor, postmortemId);
  // Join, then read again, so a save committed in between is not missed.
  await socket.join(postmortemRoom(postmortemId));
  const postmortem = await getPostmortem(socket.data.actor, postmortemId);
  const users = await publishPostmortemPresence(io, postmortemId);
  return { ok: true, postmortem, users };
}

function isSameOriginHandshake(headers: IncomingHttpHeaders): boolean {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null));
  return isSameOriginWrite({
    method: "POST",
    origin: one(headers.origin),
    secFetchSite: one(headers["sec-fetch-site"]),
    host: one(headers.host),
    publicUrl: process.env.NEXTAUTH_URL,
  });
}

export function createRealtimeServer(httpServer: HttpServer): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // Leave upgrade requests for other paths (Next's dev hot reload) to their own handlers.
    destroyUpgrade: false,
    // Join acknowledgements (the room's first page, everyone present) and presence deltas of a
    // herd are big and repetitive: compressed, which keeps a thousand-person herd at tens of
    // megabytes on the wire instead of a hundred. Timeline pushes stay under the threshold and go
    // as they are (engine.io compresses whatever ws lets through; ws honours the threshold only
    // without context takeover, else it compresses every message and the post path pays zlib).
    // A small window keeps each socket's compressor at a few kilobytes.
    perMessageDeflate: { threshold: 1024, serverNoContextTakeover: true, serverMaxWindowBits: 10, zlibDeflateOptions: { memLevel: 4 } },
    // A page of another site must not open a socket with the visitor's cookie (cross-site
    // WebSocket hijacking): the handshake gets the same Origin rule as a cookie-authenticated write.
    allowRequest: (req, callback) => callback(null, isSameOriginHandshake(req.headers)),
  });
  const presence = createPresence(io, randomUUID());

  // Same session cookie as the pages and the API; no cookie, no socket.
  io.use(async (socket, next) => {
    try {
      const session = await sessionFromCookieHeader(socket.handshake.headers.cookie);
      if (!session) return next(new Error("unauthorized"));
      socket.data.actor = await resolveActorBatched(session);
      next();
    } catch {
      next(new Error("unauthorized"));
    }
  });

  io.on("connection", (socket: WarroomSocket) => {
    void socket.join(orgRoom(socket.data.actor.organizationId));

    socket.on("incident:join", (payload, ack) => {
      if (typeof ack !== "function") return;
      join(presence, socket, payload).then(ack, (error: unknown) => {
        const appError = toAppError(error);
        if (appError.status >= 500) log.error("socket join failed", errorFields(error));
        ack({ ok: false, error: ackError(appError) });
      });
    });

    socket.on("incident:leave", (payload) => {
      const incidentId = typeof payload?.incidentId === "string" ? payload.incidentId : "";
      if (!socket.rooms.has(incidentRoom(incidentId))) return;
      void socket.leave(incidentRoom(incidentId));
      leave(presence, socket, incidentId);
    });

    socket.on("postmortem:join", (payload, ack) => {
      if (typeof ack !== "function") return;
      joinPostmortem(io, socket, payload).then(ack, (error: unknown) => {
        const appError = toAppError(error);
        if (appError.status >= 500) log.error("socket post-mortem join failed", errorFields(error));
        ack({ ok: false, error: ackError(appError) });
      });
    });

    socket.on("postmortem:editing", (payload) => {
      const parsed = ZPostmortemEditing.safeParse(payload);
      if (!parsed.success || !socket.rooms.has(postmortemRoom(parsed.data.postmortemId))) return;
      // Viewers never edit, so they never show as editing.
      if (!can(socket.data.actor.role, "postmortem:write") && parsed.data.sectionKey) return;
      socket.data.postmortemEditing = { ...socket.data.postmortemEditing, [parsed.data.postmortemId]: parsed.data.sectionKey };
      void publishPostmortemPresence(io, parsed.data.postmortemId).catch(() => undefined);
    });

    socket.on("postmortem:leave", (payload) => {
      const postmortemId = typeof payload?.postmortemId === "string" ? payload.postmortemId : "";
      if (!socket.rooms.has(postmortemRoom(postmortemId))) return;
      if (socket.data.postmortemEditing) delete socket.data.postmortemEditing[postmortemId];
      void socket.leave(postmortemRoom(postmortemId));
      void publishPostmortemPresence(io, postmortemId).catch(() => undefined);
    });

    socket.on("disconnecting", () => {
      const postmortems = [...socket.rooms].filter((r) => r.startsWith("postmortem:")).map((r) => r.slice("postmortem:".length));
      socket.once("disconnect", (reason) => {
        if (reason === "server shutting down") return;
        for (const id of postmortems) void publishPostmortemPresence(io, id).catch(() => undefined);
      });
    });

    socket.on("disconnect", (reason) => {
      // On shutdown every socket goes at once and the fan-out is closing: nobody to tell.
      if (reason === "server shutting down") return;
      for (const id of [...(socket.data.incidents ?? [])]) leave(presence, socket, id);
    });
  });

  addCollector(() => {
    const top = [...presence.roomSizes()].sort((a, b) => b[1] - a[1]).slice(0, 10);
    replaceGauge(
      "warroom_room_sockets",
      "Sockets in the ten fullest incident rooms on this instance",
      top.map(([incidentId, n]) => ({ labels: { incident: incidentId }, value: n })),
    );
  });
  setRealtimeServer(io);
  return io;
}
