import { db } from "../db/client.ts";

// Every session token carries its user's sessionVersion (claim "sv"); resolveActor compares it
// with the row it reads anyway. Bumping the version ends every session of that person at once.

/** Stamps the sign-in and returns the session version the new session carries. */
export async function recordSignIn(userId: string): Promise<number> {
  const user = await db().user.update({ where: { id: userId }, data: { lastSignInAt: new Date() }, select: { sessionVersion: true } });
  return user.sessionVersion;
}
