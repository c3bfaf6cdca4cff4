import type { IncomingMessage } from "node:http";

// Route handlers cannot see the TCP peer, so server.ts stamps it on every request under a
// header name of ours, overwriting whatever a client sent.
export const CLIENT_IP_HEADER = "x-warroom-client-ip";

/** The address rate limits count against: the peer, or the proxy's X-Forwarded-For when trusted. */
export function clientIp(req: Pick<IncomingMessage, "headers" | "socket">, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}
