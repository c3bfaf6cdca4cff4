import { Adapter } from "socket.io-adapter";
import { emitPresenceDelta, tellOtherInstances, type InstancePresence, type RealtimeServer } from "./emit.ts";
import type { PresenceUser } from "./protocol.ts";

// Who is in each incident room, kept by each instance for its own sockets, plus what the other
// instances told it about theirs. A join or leave is not broadcast at once: changes to a room are
// gathered for PRESENCE_WINDOW_MS and go out as one delta (joined / left), so a thousand people
// arriving together cost each member a few dozen messages, not a thousand full lists. Only the
// join acknowledgement carries the full list (list() below), read from memory, not fetchSockets.

export const PRESENCE_WINDOW_MS = 250;

interface LocalEntry {
  user: PresenceUser;
  /** Several tabs of one person: present until the last one leaves. */
  sockets: number;
}

interface RoomState {
  local: Map<string, LocalEntry>;
  /** User id → whether they were in the room (on any instance) when the window opened. */
  touched: Map<string, { wasPresent: boolean; wasLocal: boolean }>;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface Presence {
  /** A socket of this user entered the room on this instance. */
  joined(incidentId: string, user: PresenceUser): void;
  /** A socket of this user left the room (or disconnected) on this instance. */
  left(incidentId: string, userId: string): void;
  /** Everyone in the room now, across instances, in no particular order (clients sort). */
  list(incidentId: string): PresenceUser[];
  /** Before the first join: learn who is already in rooms on the other instances. */
  ready(): Promise<void>;
  /** Sockets per room on this instance (for /metrics). */
  roomSizes(): Map<string, number>;
}

/** Does the adapter reach other instances (the in-memory one only warns on serverSideEmit)? */
const isCluster = (io: RealtimeServer) => io.of("/").adapter.serverSideEmit !== Adapter.prototype.serverSideEmit;

export function createPresence(io: RealtimeServer, instanceId: string): Presence {
  const rooms = new Map<string, RoomState>();
  /** Instance id → incident id → user id → user, as that instance last told us. */
  const remote = new Map<string, Map<string, Map<string, PresenceUser>>>();
  let synced: Promise<void> | undefined;

  const room = (incidentId: string): RoomState => {
    let r = rooms.get(incidentId);
    if (!r) {
      r = { local: new Map(), touched: new Map(), timer: undefined };
      rooms.set(incidentId, r);
    }
    return r;
  };

  const remoteHas = (incidentId: string, userId: string) => {
    for (const byRoom of remote.values()) if (byRoom.get(incidentId)?.has(userId)) return true;
    return false;
  };
  const isPresent = (incidentId: string, userId: string) =>
    Boolean(rooms.get(incidentId)?.local.has(userId)) || remoteHas(incidentId, userId);

  const flush = (incidentId: string) => {
    const r = rooms.get(incidentId);
    if (!r) return;
    r.timer = undefined;
    const joined: PresenceUser[] = [];
    const left: string[] = [];
    // Deltas go to this instance's sockets only; see applyRemote.
    const mine: InstancePresence = { instanceId, incidentId, joined: [], left: [] };
    for (const [userId, before] of r.touched) {
      const entry = r.local.get(userId);
      const now = Boolean(entry) || remoteHas(incidentId, userId);
      if (now && !before.wasPresent && entry) joined.push(entry.user);
      if (!now && before.wasPresent) left.push(userId);
      if (entry && !before.wasLocal) mine.joined.push(entry.user);
      if (!entry && before.wasLocal) mine.left.push(userId);
    }
    r.touched.clear();
    if (joined.length || left.length) emitPresenceDelta(io, { incidentId, joined, left });
    // The other instances tell their own sockets (applyRemote): each instance's deltas and acks
    // come from one view of the room, so a join there cannot fall between the two.
    if ((mine.joined.length || mine.left.length) && isCluster(io)) tellOtherInstances(io, mine);
    if (r.local.size === 0) rooms.delete(incidentId);
  };

  const touch = (incidentId: string, r: RoomState, userId: string) => {
    if (!r.touched.has(userId)) r.touched.set(userId, { wasPresent: isPresent(incidentId, userId), wasLocal: r.local.has(userId) });
    r.timer ??= setTimeout(() => flush(incidentId), PRESENCE_WINDOW_MS);
  };

  const applyRemote = (change: InstancePresence) => {
    if (change.instanceId === instanceId) return;
    const { incidentId } = change;
    let byRoom = remote.get(change.instanceId);
    if (!byRoom) remote.set(change.instanceId, (byRoom = new Map()));
    let users = byRoom.get(incidentId);
    if (!users) byRoom.set(incidentId, (users = new Map()));
    const joined = change.joined.filter((u) => !isPresent(incidentId, u.id));
    for (const u of change.joined) users.set(u.id, u);
    for (const id of change.left) users.delete(id);
    if (users.size === 0) byRoom.delete(incidentId);
    const left = change.left.filter((id) => !isPresent(incidentId, id));
    // Already gathered over the other instance's window: tell this instance's sockets at once.
    if (joined.length || left.length) emitPresenceDelta(io, { incidentId, joined, left });
  };

  const snapshot = (): InstancePresence[] =>
    [...rooms].map(([incidentId, r]) => ({ instanceId, incidentId, joined: [...r.local.values()].map((e) => e.user), left: [] }));

  io.on("presence:instance", applyRemote);
  io.on("presence:snapshot", (reply) => reply(snapshot()));

  return {
    joined(incidentId, user) {
      const r = room(incidentId);
      const entry = r.local.get(user.id);
      if (entry) {
        entry.sockets += 1;
        return;
      }
      touch(incidentId, r, user.id);
      r.local.set(user.id, { user, sockets: 1 });
    },
    left(incidentId, userId) {
      const r = rooms.get(incidentId);
      const entry = r?.local.get(userId);
      if (!r || !entry) return;
      if (--entry.sockets > 0) return;
      touch(incidentId, r, userId);
      r.local.delete(userId);
    },
    list(incidentId) {
      const users = new Map<string, PresenceUser>();
      for (const byRoom of remote.values()) for (const u of byRoom.get(incidentId)?.values() ?? []) users.set(u.id, u);
      for (const e of rooms.get(incidentId)?.local.values() ?? []) users.set(e.user.id, e.user);
      // Unsorted on purpose: sorting a thousand names per join (with locale collation) was the
      // most expensive part of a herd's join; the browser sorts once when it takes the list.
      return [...users.values()];
    },
    ready() {
      if (!isCluster(io)) return Promise.resolve();
      // Once per process: after that, every change reaches us as it happens.
      // Once per process: after that, every change reaches us as it happens. An instance that does
      // not answer in time is learnt from its next change (the adapter's own request timeout).
      synced ??= io
        .serverSideEmitWithAck("presence:snapshot")
        .then((replies: InstancePresence[][]) => replies.flat().forEach(applyRemote))
        .catch(() => undefined);
      return synced;
    },
    roomSizes() {
      const sizes = new Map<string, number>();
      for (const [incidentId, r] of rooms) {
        let n = 0;
        for (const e of r.local.values()) n += e.sockets;
        if (n) sizes.set(incidentId, n);
      }
      return sizes;
    },
  };
}
