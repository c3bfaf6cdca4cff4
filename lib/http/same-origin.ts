// CSRF defence for cookie-authenticated writes. The session cookie is SameSite=Lax, so other
// sites cannot send it with a POST; this is the second lock: a browser always says where a
// write comes from (Origin, Sec-Fetch-Site), and a write from another site is refused.
// Clients that are not browsers (curl with a cookie, tests) send neither header and are not
// CSRF's victims; bearer-token requests never reach this check.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Pure: whether a cookie-authenticated request may go ahead. */
export function isSameOriginWrite(input: {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  host: string | null;
  /** The public URL (NEXTAUTH_URL): behind a proxy the Host header may be an internal name. */
  publicUrl?: string;
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return true;
  if (input.secFetchSite === "cross-site") return false;
  if (input.origin === null) return true;
  if (input.origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(input.origin).host;
  } catch {
    return false;
  }
  const allowed = new Set<string>();
  if (input.host) allowed.add(input.host);
  if (input.publicUrl) {
    try {
      allowed.add(new URL(input.publicUrl).host);
    } catch {
      // An invalid NEXTAUTH_URL is refused at start-up; nothing to add here.
    }
  }
  return allowed.has(originHost);
}
