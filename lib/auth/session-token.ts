import { parse } from "cookie";
import { getToken } from "next-auth/jwt";

/**
 * Reads the next-auth session from a raw Cookie header. next-auth v4's getToken only
 * understands parsed cookies, and both route handlers and Socket.io handshakes need this.
 */
export async function userIdFromCookieHeader(cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  const cookies = Object.fromEntries(
    Object.entries(parse(cookieHeader)).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const token = await getToken({
    req: { headers: {}, cookies } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: process.env.NEXTAUTH_SECRET,
  });
  return typeof token?.sub === "string" ? token.sub : null;
}
