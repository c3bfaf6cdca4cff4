"use client";
import { useEffect, useRef } from "react";
import type { ServerToClientEvents } from "@/lib/realtime/protocol.ts";
import { getSocket, type ClientSocket } from "./socket-client.ts";

export type SocketHandlers = { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] };

export interface SocketSubscription {
  /** Pushes to listen to. Read through a ref: a new object each render does not resubscribe. */
  on: SocketHandlers;
  /**
   * The resync contract: runs every time the socket (re)connects while mounted, because pushes
   * sent while it was down are gone: join rooms again (with the last sequence number seen) or
   * refetch what this view shows. With `resyncOnMount`, also at once when already connected
   * (a room must join; a server-rendered board need not refetch).
   */
  resync?: (socket: ClientSocket) => void;
  resyncOnMount?: boolean;
}

/** The one way a component subscribes to socket pushes (the tab's single shared socket). */
export function useSocketSubscription(subscription: SocketSubscription): void {
  const current = useRef(subscription);
  useEffect(() => {
    current.current = subscription;
  });
  const events = Object.keys(subscription.on).sort().join(" ");
  const resyncOnMount = subscription.resyncOnMount ?? false;

  useEffect(() => {
    const socket = getSocket();
    const names = (events ? events.split(" ") : []) as (keyof ServerToClientEvents)[];
    const listeners = names.map((name) => {
      // Every name is mapped to its own handler, so the payload matches; TypeScript cannot follow a
      // handler picked by a name from a union, hence the casts.
      const listener = (payload: unknown) => (current.current.on[name] as ((p: unknown) => void) | undefined)?.(payload);
      socket.on(name, listener as never);
      return [name, listener] as const;
    });
    const onConnect = () => current.current.resync?.(socket);
    socket.on("connect", onConnect);
    if (resyncOnMount && socket.connected) onConnect();
    return () => {
      socket.off("connect", onConnect);
      for (const [name, listener] of listeners) socket.off(name, listener as never);
    };
  }, [events, resyncOnMount]);
}
