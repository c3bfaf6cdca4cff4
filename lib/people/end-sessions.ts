import { db } from "../db/client.ts";
import { disconnectUserSockets } from "../realtime/disconnect-user.ts";

/** Sign-out ends the session on the server too: a copy of the cookie stops working. */
export async function endSessions(userId: string, version: number): Promise<void> {
  const ended = await db().user.updateMany({ where: { id: userId, sessionVersion: version }, data: { sessionVersion: { increment: 1 } } });
  if (ended.count > 0) await disconnectUserSockets(userId);
}
