// Where a channel may point. Pure and client-safe: the form shows the same message the API gives.
// The address classification is lib/security/address-policy.ts, shared with health checks.
import { addressKind, hostKind, refusalReason } from "../security/address-policy.ts";

const isPrivateHost = (host: string) => ["loopback", "private"].includes(hostKind(host) ?? "public");
const isLinkLocal = (host: string) => hostKind(host) === "link-local";

/**
 * null when acceptable, else why not. https anywhere; plain http only inside your own network
 * (localhost, private addresses, *.local / *.internal): incident details must not cross the
 * internet in clear text. Link-local addresses (cloud metadata endpoints) are never allowed.
 */
export function destinationUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be a full URL such as https://hooks.slack.com/services/…";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must start with https://";
  if (url.username || url.password) return "must not contain a user name or password";
  if (isLinkLocal(url.hostname)) return "must not point at a link-local address";
  if (url.protocol === "http:" && !isPrivateHost(url.hostname))
    return "must use https:// (plain http only for localhost and private addresses)";
  return null;
}

/**
 * What a channel may connect to, checked on the resolved address at send time (the URL check above
 * sees only the name): your own network is fine (an in-house pager, GoAlert), link-local (cloud
 * metadata) and reserved addresses never are.
 */
export function channelAddressRule(address: string): string | null {
  const kind = addressKind(address);
  return kind === "link-local" || kind === "reserved" ? refusalReason(kind) : null;
}
