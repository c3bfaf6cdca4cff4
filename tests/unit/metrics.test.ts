import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { observeRequest } from "../../lib/observability/http-metrics.ts";
import { handleMetricsRequest } from "../../lib/observability/metrics-endpoint.ts";
import {
  addCollector,
  incCounter,
  observeSeconds,
  renderMetrics,
  replaceGauge,
  resetMetrics,
  setGauge,
} from "../../lib/observability/metrics.ts";
import { routeLabel } from "../../lib/observability/route-label.ts";

describe("Prometheus text format", () => {
  beforeEach(() => resetMetrics());

  it("renders counters, gauges and cumulative histogram buckets with escaped labels", async () => {
    incCounter("warroom_things_total", "Things", { kind: "a" });
    incCounter("warroom_things_total", "Things", { kind: "a" }, 2);
    setGauge("warroom_sockets", "Sockets", 7);
    observeSeconds("warroom_latency_seconds", "Latency", 0.02, { route: 'say "hi"' });
    observeSeconds("warroom_latency_seconds", "Latency", 3, { route: 'say "hi"' });
    const text = await renderMetrics();
    expect(text).toContain('# TYPE warroom_things_total counter\nwarroom_things_total{kind="a"} 3');
    expect(text).toContain("warroom_sockets 7");
    expect(text).toContain('warroom_latency_seconds_bucket{le="0.01",route="say \\"hi\\""} 0');
    expect(text).toContain('warroom_latency_seconds_bucket{le="0.025",route="say \\"hi\\""} 1');
    expect(text).toContain('warroom_latency_seconds_bucket{le="5",route="say \\"hi\\""} 2');
    expect(text).toContain('warroom_latency_seconds_bucket{le="+Inf",route="say \\"hi\\""} 2');
    expect(text).toContain('warroom_latency_seconds_sum{route="say \\"hi\\""} 3.02');
    expect(text).toContain('warroom_latency_seconds_count{route="say \\"hi\\""} 2');
  });

  it("reads collected values at scrape time", async () => {
    let sockets = 1;
    addCollector(() => setGauge("warroom_sockets", "Sockets", sockets));
    expect(await renderMetrics()).toContain("warroom_sockets 1");
    sockets = 5;
    expect(await renderMetrics()).toContain("warroom_sockets 5");
  });

  it("replaces every series of a top-N gauge", async () => {
    replaceGauge("warroom_room_sockets", "Sockets per room", []);
    expect(await renderMetrics()).not.toContain("warroom_room_sockets");
    replaceGauge("warroom_room_sockets", "Sockets per room", [
      { labels: { incident: "a" }, value: 3 },
      { labels: { incident: "b" }, value: 2 },
    ]);
    replaceGauge("warroom_room_sockets", "Sockets per room", [{ labels: { incident: "c" }, value: 9 }]);
    const text = await renderMetrics();
    expect(text).toContain('warroom_room_sockets{incident="c"} 9');
    expect(text).not.toContain('incident="a"');
  });

  it("serves the process metrics an operator expects, each declared once across resets", async () => {
    resetMetrics();
    const text = await renderMetrics();
    for (const name of [
      "process_resident_memory_bytes",
      "process_cpu_seconds_total",
      "nodejs_heap_size_used_bytes",
      "nodejs_heap_space_size_used_bytes",
      "nodejs_eventloop_lag_p99_seconds",
      "nodejs_eventloop_utilization_ratio",
      "nodejs_gc_duration_seconds",
      "nodejs_active_handles_total",
    ]) {
      expect(text.match(new RegExp(`^# TYPE ${name} `, "gm")), name).toHaveLength(1);
    }
    const utilization = Number(/^nodejs_eventloop_utilization_ratio (\S+)$/m.exec(text)?.[1]);
    expect(utilization).toBeGreaterThanOrEqual(0);
    expect(utilization).toBeLessThanOrEqual(1);
  });
});

describe("routeLabel", () => {
  it("folds ids so one incident is not one series", () => {
    expect(routeLabel("/api/incidents/0b8f6a34-7c1e-4a59-9d5e-1f2a3b4c5d6e/events/12?after=3")).toBe("/api/incidents/:id/events/:id");
    expect(routeLabel("/incidents/INC-42")).toBe("/incidents/:id");
    expect(routeLabel("/_next/static/chunks/abc.js")).toBe("/_next/*");
    expect(routeLabel("/socket.io/?EIO=4&transport=websocket")).toBe("/socket.io");
    expect(routeLabel("/a/b/c/d/e/f/g/h")).toBe("/a/b/c/d/e/*");
  });
});

describe("GET /metrics", () => {
  let server: Server;
  let base: string;
  let token: string | undefined;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (handleMetricsRequest(req, res, token)) return;
      observeRequest(req, res);
      res.end("page");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => resetMetrics());

  it("is off (404) without METRICS_TOKEN", async () => {
    token = undefined;
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("needs the bearer token, then serves request latency in the text format", async () => {
    token = "a-long-metrics-token-for-tests";
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: "Bearer wrong-token-of-the-same-len" } })).status).toBe(401);
    await fetch(`${base}/api/incidents/0b8f6a34-7c1e-4a59-9d5e-1f2a3b4c5d6e`);
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    const text = await res.text();
    expect(text).toContain('warroom_http_request_duration_seconds_count{method="GET",route="/api/incidents/:id",status="2xx"} 1');
  });
});
