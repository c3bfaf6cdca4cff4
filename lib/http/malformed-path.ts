// A path with broken percent-encoding (`/api/teams/%ZZ`) made Next answer a plain-text 500
// without security headers. server.ts asks this first: the API gets a 400 in the one error
// shape, pages get Next's 404 page (with its CSP).
import type { IncomingMessage, ServerResponse } from "node:http";
import { SECURITY_HEADERS } from "./security-headers.ts";

/** A path Next routes to no page, so it renders the not-found page. */
export const NOT_FOUND_PATH = "/_malformed-address";

export function hasMalformedPath(url: string): boolean {
  const pathname = url.split(/[?#]/, 1)[0] ?? "";
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** True when it answered; for a page it rewrites `req.url` and lets Next answer. */
export function refuseMalformedPath(req: IncomingMessage, res: ServerResponse): boolean {
  if (!req.url || !hasMalformedPath(req.url)) return false;
  if (req.url.startsWith("/api/")) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    for (const h of SECURITY_HEADERS) headers[h.key] = h.value;
    res.writeHead(400, headers);
    res.end(JSON.stringify({ error: { code: "bad_request", message: "The address has broken percent-encoding" } }));
    return true;
  }
  req.url = NOT_FOUND_PATH;
  return false;
}
