"use client";
import { io, type Socket } from "socket.io-client";
import { RECONNECT_OPTIONS, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/realtime/protocol.ts";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: ClientSocket | null = null;

/** One socket per tab, shared by every live component; the session cookie authenticates it. */
export function getSocket(): ClientSocket {
  // WebSocket first: one connection to one instance, so several instances need no sticky
  // sessions. Long-polling remains the fallback where a proxy blocks WebSockets.
  // Backoff with jitter (RECONNECT_OPTIONS): after a restart the sockets come back spread out, and
  // each view catches up by sequence number through useSocketSubscription's resync.
  socket ??= io({
    path: "/socket.io",
    withCredentials: true,
    ...RECONNECT_OPTIONS,
    transports: ["websocket", "polling"],
    tryAllTransports: true,
  });
  return socket;
}
