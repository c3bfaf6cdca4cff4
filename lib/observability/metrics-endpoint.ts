import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorFields, log } from "../log.ts";
import { metricsContentType, renderMetrics } from "./metrics.ts";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "content-type": "application/json", ...(status === 401 ? { "www-authenticate": "Bearer" } : {}) });
  res.end(JSON.stringify({ error: { code, message } }));
}

async function serveMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const text = req.method === "HEAD" ? undefined : await renderMetrics();
    res.writeHead(200, { "content-type": metricsContentType(), "cache-control": "no-store" });
    res.end(text);
  } catch (error) {
    log.error("metrics scrape failed", errorFields(error));
    sendError(res, 500, "internal", "Collecting the metrics failed; see the server log");
  }
}

/**
 * Serves GET /metrics to Prometheus with `Authorization: Bearer <METRICS_TOKEN>`. Answered by
 * server.ts itself, before Next, so a scrape costs no rendering. Returns false for other paths.
 */
export function handleMetricsRequest(req: IncomingMessage, res: ServerResponse, token: string | undefined): boolean {
  if ((req.url ?? "").split("?")[0] !== "/metrics") return false;
  if (!token) {
    sendError(res, 404, "not_found", "Metrics are off: set METRICS_TOKEN to enable /metrics");
  } else if (req.method !== "GET" && req.method !== "HEAD") {
    sendError(res, 405, "method_not_allowed", "Use GET /metrics");
  } else {
    const header = req.headers.authorization ?? "";
    const given = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
    if (!given || !sameSecret(given, token)) {
      sendError(res, 401, "unauthorized", "Send Authorization: Bearer <METRICS_TOKEN>");
    } else {
      void serveMetrics(req, res);
    }
  }
  return true;
}
