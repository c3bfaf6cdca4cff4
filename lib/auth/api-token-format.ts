import { createHash, randomBytes } from "node:crypto";

// The token format: "wr_" + 32 random bytes in base64url (43 characters). Only the sha256 of
// the whole token is stored; the prefix tells tokens apart in lists without revealing them.
const TOKEN_PATTERN = /^wr_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 10;

export interface NewApiToken {
  token: string;
  prefix: string;
  hash: string;
}

export function generateApiToken(): NewApiToken {
  const token = `wr_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, PREFIX_LENGTH), hash: hashApiToken(token) };
}

/** A fast hash is enough: the token has 256 random bits, so there is nothing to brute-force. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isApiTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * The token in an `Authorization: Bearer wr_…` header; null when the header is malformed (the
 * scheme is case-insensitive per RFC 7235, the token itself is not).
 */
export function parseBearer(header: string): string | null {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  return token && isApiTokenShaped(token) ? token : null;
}
