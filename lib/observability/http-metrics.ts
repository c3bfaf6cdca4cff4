import type { IncomingMessage, ServerResponse } from "node:http";
import { observeSeconds } from "./metrics.ts";
import { routeLabel } from "./route-label.ts";

// Scanners probe thousands of made-up paths; past this many distinct routes they share one label.
const MAX_ROUTES = 300;
const seen = new Set<string>();

/** Times a request from arrival to the last byte, labelled by method, route and status class. */
export function observeRequest(req: IncomingMessage, res: ServerResponse): void {
  const started = process.hrtime.bigint();
  res.once("finish", () => {
    let route = routeLabel(req.url);
    if (!seen.has(route)) {
      if (seen.size >= MAX_ROUTES) route = "other";
      else seen.add(route);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    observeSeconds("warroom_http_request_duration_seconds", "HTTP request latency (arrival to last byte)", seconds, {
      method: req.method ?? "GET",
      route,
      status: `${Math.floor(res.statusCode / 100)}xx`,
    });
  });
}
