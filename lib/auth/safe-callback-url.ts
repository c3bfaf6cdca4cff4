// Client-safe: where to send someone after sign-in. Only this site: the value is parsed the way
// a browser would (`/\evil.example`, `/%09/evil.example` and `//evil.example` all leave the
// site) and kept only when its origin is ours; anything else, or anything unparseable, is the
// fallback. An open redirect after a real sign-in is a phishing aid.
const BASE = "http://warroom.invalid";

/** A same-origin path (with query and hash), or `fallback`. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/triage"): string {
  if (!value) return fallback;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** next-auth's redirect callback: an absolute URL on `baseUrl`'s origin, else `baseUrl` itself. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  try {
    const base = new URL(baseUrl);
    const target = new URL(url, base);
    if (target.origin === base.origin) return target.href;
    return base.href;
  } catch {
    return baseUrl;
  }
}

/** The names next-auth v4 gives its callback-url cookie (plain and https). */
const CALLBACK_COOKIES = new Set(["next-auth.callback-url", "__Secure-next-auth.callback-url"]);

/** What next-auth's configuration check accepts: an http(s) URL, or a path on the site. */
function isUsableByNextAuth(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * The `callbackUrl` query with a value next-auth cannot parse replaced by "/triage", and the names
 * of `next-auth.callback-url` cookies holding such a value (the caller replaces them). next-auth
 * checks both before anything else and answers an unparseable one with a 500 on every auth route
 * (session, csrf, sign-out, the credentials callback), so one bad cookie (set by a sibling
 * subdomain, a proxy or an extension) locked a browser out of signing in. Usable values are left
 * to the redirect callback, which keeps them same-origin.
 */
export function withUsableCallbackUrls(url: URL, cookieHeader: string | null): { url: URL; replacedCookies: string[]; isChanged: boolean } {
  const next = new URL(url);
  const query = next.searchParams.get("callbackUrl");
  const isQueryBad = query !== null && !isUsableByNextAuth(query, url.origin);
  if (isQueryBad) next.searchParams.set("callbackUrl", "/triage");
  const replacedCookies: string[] = [];
  for (const part of cookieHeader?.split(";") ?? []) {
    const eq = part.indexOf("=");
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (!CALLBACK_COOKIES.has(name)) continue;
    let value: string;
    try {
      value = decodeURIComponent(eq < 0 ? "" : part.slice(eq + 1).trim());
    } catch {
      value = "%"; // a broken escape is itself unusable
    }
    if (value !== "" && !isUsableByNextAuth(value, url.origin)) replacedCookies.push(name);
  }
  return { url: next, replacedCookies, isChanged: isQueryBad };
}
