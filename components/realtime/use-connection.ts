"use client";
import { useEffect, useState } from "react";
import { getSocket } from "./socket-client.ts";

// "degraded": the socket is up but the server cannot store entries (its database is unreachable).
// "signed_out": the server ended this person's sessions (deactivated, signed out elsewhere,
// password changed) and closed the socket; it will not come back without signing in again.
export type ConnectionState = "connecting" | "live" | "degraded" | "reconnecting" | "offline" | "signed_out";

/** Live when the socket is up; offline when the browser says so; reconnecting in between. */
export function useConnection(): ConnectionState {
  const [state, setState] = useState<ConnectionState>("connecting");
  useEffect(() => {
    const socket = getSocket();
    let isSignedOut = false;
    const update = () => {
      if (isSignedOut && !socket.connected) setState("signed_out");
      else if (typeof navigator !== "undefined" && !navigator.onLine) setState("offline");
      else setState(socket.connected ? "live" : socket.active ? "reconnecting" : "offline");
    };
    const onDisconnect = (reason: string) => {
      // The server closed it on purpose (lib/realtime/disconnect-user.ts): the session ended.
      if (reason === "io server disconnect") isSignedOut = true;
      update();
    };
    const onConnectError = (error: Error) => {
      // The handshake's session check refused the cookie.
      if (error.message === "unauthorized") isSignedOut = true;
      update();
    };
    update();
    socket.on("connect", update);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    socket.io.on("reconnect_attempt", update);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      socket.off("connect", update);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onConnectError);
      socket.io.off("reconnect_attempt", update);
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return state;
}
