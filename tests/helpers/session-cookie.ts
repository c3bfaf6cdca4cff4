import { encode } from "next-auth/jwt";

/** The cookie name next-auth uses over plain http (the tests never set NEXTAUTH_URL to https). */
export const SESSION_COOKIE = "next-auth.session-token";

/** A `Cookie` header value carrying a next-auth session for the user, as the browser would send it. */
export async function sessionCookie(userId: string, sessionVersion = 0): Promise<string> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET must be set for tests (vitest.config.ts sets one)");
  const jwt = await encode({ token: { sub: userId, sv: sessionVersion }, secret });
  return `${SESSION_COOKIE}=${jwt}`;
}
