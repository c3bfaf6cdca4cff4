import { hkdfSync } from "node:crypto";
import { parse } from "cookie";
import { jwtDecrypt, type JWTPayload } from "jose";
import { getToken, type JWTDecodeParams } from "next-auth/jwt";

// next-auth's own decode derives the encryption key with HKDF on every call; every API request
// and socket handshake decodes a session, so the key is derived once per secret instead. Same
// derivation and same checks as next-auth v4 (dir + A256GCM, 15 s clock tolerance).
const keys = new Map<string, Uint8Array>();

function encryptionKey(secret: string, salt: string): Uint8Array {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

const CLOCK_TOLERANCE_S = 15;
// A browser sends the same token with every request and socket handshake, and decrypting it
// (AES-GCM) is what authentication costs when no database is read. A token that decrypted once
// decrypts to the same claims for as long as its text and the secret are unchanged, so the claims
// are kept by exactly those (bounded, oldest first out); only the expiry is checked again.
const decoded = new Map<string, JWTPayload>();
const MAX_DECODED = 2_000;

function isExpired(payload: JWTPayload, now = Date.now() / 1000): boolean {
  return typeof payload.exp === "number" && payload.exp + CLOCK_TOLERANCE_S < now;
}

export async function decodeSession({ token, secret, salt = "" }: JWTDecodeParams) {
  if (!token) return null;
  const id = `${salt}\u0000${String(secret)}\u0000${token}`;
  const known = decoded.get(id);
  if (known) {
    if (!isExpired(known)) return known;
    decoded.delete(id);
    return null;
  }
  const { payload } = await jwtDecrypt(token, encryptionKey(String(secret), salt), { clockTolerance: CLOCK_TOLERANCE_S });
  if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value ?? "");
  decoded.set(id, payload);
  return payload;
}

/** Who a session cookie is for, and the user's session version when it was issued. */
export interface SessionClaims {
  userId: string;
  /** Compared with the user's sessionVersion where the user is read: a bump ends the session. */
  version: number;
}

/** The claims of a decoded next-auth token; tokens issued before versions existed count as 0. */
export function claimsOf(token: { sub?: unknown; sv?: unknown } | null | undefined): SessionClaims | null {
  if (typeof token?.sub !== "string") return null;
  return { userId: token.sub, version: typeof token.sv === "number" ? token.sv : 0 };
}

/**
 * Reads the next-auth session from a raw Cookie header. next-auth v4's getToken only
 * understands parsed cookies, and both route handlers and Socket.io handshakes need this.
 */
export async function sessionFromCookieHeader(cookieHeader: string | null | undefined): Promise<SessionClaims | null> {
  if (!cookieHeader) return null;
  const cookies = Object.fromEntries(Object.entries(parse(cookieHeader)).filter((e): e is [string, string] => typeof e[1] === "string"));
  const token = await getToken({
    req: { headers: {}, cookies } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: process.env.NEXTAUTH_SECRET,
    decode: decodeSession,
  });
  return claimsOf(token);
}
