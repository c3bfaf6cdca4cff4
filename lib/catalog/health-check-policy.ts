// Where a health check may point. By default only public addresses: a commander must not be able
// to make the server read its own loopback, the private network or the cloud metadata endpoint
// (issue #16, SSRF). A team whose services are internal lets them in explicitly with
// HEALTH_CHECK_ALLOWED_HOSTS: host names ("status.corp.example", "*.corp.example") and address
// ranges ("10.20.0.0/16", "fd00::/8"), comma-separated, set by whoever runs the server.
import { addressKind, hostKind, isAllowedAddress, isAllowedName, parseAllowList, type AllowEntry } from "../security/address-policy.ts";

export const ALLOW_VARIABLE = "HEALTH_CHECK_ALLOWED_HOSTS";

let cached: { raw: string | undefined; list: AllowEntry[] } | null = null;

/** The allowlist from the environment; throws naming the variable when an entry is malformed. */
export function loadHealthCheckAllowList(source: Record<string, string | undefined> = process.env): AllowEntry[] {
  const raw = source[ALLOW_VARIABLE];
  if (source === process.env && cached && cached.raw === raw) return cached.list;
  const list = parseAllowList(raw, ALLOW_VARIABLE);
  if (source === process.env) cached = { raw, list };
  return list;
}

/**
 * Why a health-check URL is refused when it is saved, or null. Only what the URL itself says is
 * judged here (an IP literal, localhost); names are judged again on every check, when resolved.
 */
export function healthCheckUrlProblem(raw: string, allow: readonly AllowEntry[] = loadHealthCheckAllowList()): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null; // the URL rule reports it
  }
  if (url.username || url.password) return "must not contain a user name or password";
  if (isAllowedName(url.hostname, allow)) return null;
  const literal = addressKind(url.hostname);
  const kind = literal ?? (hostKind(url.hostname) === "loopback" ? "loopback" : null);
  if (!kind || kind === "public" || (literal && isAllowedAddress(url.hostname, allow))) return null;
  return `must not point at a ${kind} address (the server's operator can allow internal hosts with ${ALLOW_VARIABLE})`;
}
