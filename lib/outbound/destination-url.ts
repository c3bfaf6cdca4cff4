// Where a channel may point. Pure and client-safe: the form shows the same message the API gives.
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const isIp = (h: string): 4 | 6 | 0 => (IPV4.test(h) ? 4 : h.includes(":") ? 6 : 0);

function isPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost") || h.endsWith(".local") || h.endsWith(".internal")) return true;
  if (h === "::1") return true;
  if (isIp(h) !== 4) return h.startsWith("fd") && isIp(h) === 6; // IPv6 unique local
  const [a = 0, b = 0] = h.split(".").map(Number);
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

function isLinkLocal(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return (isIp(h) === 4 && h.startsWith("169.254.")) || (isIp(h) === 6 && h.startsWith("fe80"));
}

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
  if (url.protocol === "http:" && !isPrivateHost(url.hostname)) return "must use https:// (plain http only for localhost and private addresses)";
  return null;
}
