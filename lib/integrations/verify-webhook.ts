import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { KIND_INFO, SECRET_HEADER, type IntegrationKindName } from "./kinds.ts";

export interface WebhookCredentials {
  headers: Headers;
  rawBody: string;
  /** The URL's query: Pingdom cannot send headers, so `?secret=` is accepted for shared secrets. */
  query: URLSearchParams;
}

/** Equal-time comparison of two strings of any length (hashing first evens the lengths). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/** The `X-PagerDuty-Signature` a body signed with `secret` carries (one v1 signature). */
export function pagerDutySignature(secret: string, rawBody: string): string {
  return `v1=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}

/** PagerDuty may send several comma-separated signatures (during its secret rotation): one must match. */
function verifyPagerDuty(secret: string, header: string | null, rawBody: string): boolean {
  if (!header) return false;
  const expected = pagerDutySignature(secret, rawBody);
  return header
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.startsWith("v1="))
    .some((s) => safeEqual(s, expected));
}

/** Alertmanager's http_config (authorization: Bearer, or basic_auth with the secret as password). */
function verifyAuthorization(secret: string, header: string | null): boolean {
  if (!header) return false;
  const [scheme = "", value = ""] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === "bearer") return safeEqual(value, secret);
  if (scheme.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 && safeEqual(decoded.slice(colon + 1), secret);
  }
  return false;
}

/** True when the request carries this integration's secret in the way its kind sends it. */
export function verifyWebhook(kind: IntegrationKindName, secret: string, creds: WebhookCredentials): boolean {
  const h = creds.headers;
  const shared = h.get(SECRET_HEADER);
  switch (KIND_INFO[kind].auth) {
    case "hmac":
      return verifyPagerDuty(secret, h.get("x-pagerduty-signature"), creds.rawBody);
    case "bearer":
      return verifyAuthorization(secret, h.get("authorization")) || (shared !== null && safeEqual(shared, secret));
    case "header": {
      const given = shared ?? creds.query.get("secret");
      return given !== null && safeEqual(given, secret);
    }
  }
}
