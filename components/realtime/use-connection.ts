"use client";
import { useEffect, useState } from "react";
import { getSocket } from "./socket-client.ts";

// "degraded": the socket is up but the server cannot store entries (its database is unreachable).
export type ConnectionState = "connecting" | "live" | "degraded" | "reconnecting" | "offline";

/** Live when the socket is up; offline when the browser says so; reconnecting in between. */
export function useConnection(): ConnectionState {
  const [state, setState] = useState<ConnectionState>("connecting");
  useEffect(() => {
    const socket = getSocket();
    const update = () => {
      if (typeof navigator !== "undefined" && !navigator.onLine) setState("offline");
      else setState(socket.connected ? "live" : socket.active ? "reconnecting" : "offline");
    };
    update();
    socket.on("connect", update);
    socket.on("disconnect", update);
    socket.io.on("reconnect_attempt", update);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      socket.off("connect", update);
      socket.off("disconnect", update);
      socket.io.off("reconnect_attempt", update);
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return state;
}
