import { errorFields, log } from "../log.ts";

// Ends a person's live connections when their sessions end (deactivated, signed out, password
// changed), on every instance: fetchSockets goes through the fan-out adapter. The browser sees
// "io server disconnect", shows the person signed out, and does not reconnect by itself; a new
// handshake with the old cookie is refused by the session check anyway.
// Kept apart from socket-server.ts (presence and joins live there) and from emit.ts (which only
// publishes domain changes).

export async function disconnectUserSockets(userId: string): Promise<void> {
  const io = globalThis.__warroomIo;
  if (!io) return;
  try {
    const sockets = await io.fetchSockets();
    for (const socket of sockets) {
      if (socket.data.actor?.userId === userId) socket.disconnect(true);
    }
  } catch (error) {
    // Another instance not answering in time: its sockets fail their next request anyway.
    log.warn("could not disconnect a user's sockets everywhere", { userId, ...errorFields(error) });
  }
}
