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
