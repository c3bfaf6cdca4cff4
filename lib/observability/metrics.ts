// The Prometheus registry of this instance, on prom-client: our series plus the process metrics an
// operator expects (CPU, memory, heap spaces, GC, event-loop lag, handles, file descriptors).
// Route handlers are bundled apart from server.ts, so the registry lives on globalThis: one
// registry per process, and the default metrics (which start timers and GC observers) once.
import { performance } from "node:perf_hooks";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

type Labels = Record<string, string>;

const LATENCY_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface MetricsState {
  registry: Registry;
  counters: Map<string, Counter>;
  gauges: Map<string, Gauge>;
  histograms: Map<string, Histogram>;
  /** Read at scrape time (socket count, pool sizes): values owned by someone else. */
  collectors: (() => void)[];
}

declare global {
  var __warroomMetrics: MetricsState | undefined;
}

/** prom-client has no event-loop utilisation; lag alone misses a loop that is busy but never stalls. */
function registerEventLoopUtilization(registry: Registry): void {
  let last = performance.eventLoopUtilization();
  new Gauge({
    name: "nodejs_eventloop_utilization_ratio",
    help: "Share of time the event loop was busy (0 to 1) since the previous scrape",
    registers: [registry],
    collect() {
      const now = performance.eventLoopUtilization();
      this.set(performance.eventLoopUtilization(now, last).utilization);
      last = now;
    },
  });
}

function state(): MetricsState {
  if (!globalThis.__warroomMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    registerEventLoopUtilization(registry);
    globalThis.__warroomMetrics = { registry, counters: new Map(), gauges: new Map(), histograms: new Map(), collectors: [] };
  }
  return globalThis.__warroomMetrics;
}

// A series is declared by its first use; its label names are those of that first use.
function counter(name: string, help: string, labels: Labels): Counter {
  const s = state();
  let m = s.counters.get(name);
  if (!m) {
    m = new Counter({ name, help, labelNames: Object.keys(labels), registers: [s.registry] });
    s.counters.set(name, m);
  }
  return m;
}

function gauge(name: string, help: string, labels: Labels): Gauge {
  const s = state();
  let m = s.gauges.get(name);
  if (!m) {
    m = new Gauge({ name, help, labelNames: Object.keys(labels), registers: [s.registry] });
    s.gauges.set(name, m);
  }
  return m;
}

function histogram(name: string, help: string, labels: Labels): Histogram {
  const s = state();
  let m = s.histograms.get(name);
  if (!m) {
    m = new Histogram({ name, help, labelNames: Object.keys(labels), buckets: LATENCY_BUCKETS_S, registers: [s.registry] });
    s.histograms.set(name, m);
  }
  return m;
}

export function incCounter(name: string, help: string, labels: Labels = {}, by = 1): void {
  counter(name, help, labels).inc(labels, by);
}

export function setGauge(name: string, help: string, value: number, labels: Labels = {}): void {
  gauge(name, help, labels).set(labels, value);
}

/** Replaces every series of a gauge (a top-N list whose labels come and go between scrapes). */
export function replaceGauge(name: string, help: string, series: { labels: Labels; value: number }[]): void {
  const first = series[0];
  const existing = state().gauges.get(name);
  // Without a series there are no label names to declare it with; nothing to show yet either.
  if (!first && !existing) return;
  const m = existing ?? gauge(name, help, first?.labels ?? {});
  m.reset();
  for (const s of series) m.set(s.labels, s.value);
}

/** Records one observation in seconds. */
export function observeSeconds(name: string, help: string, seconds: number, labels: Labels = {}): void {
  histogram(name, help, labels).observe(labels, seconds);
}

export function addCollector(collect: () => void): void {
  state().collectors.push(collect);
}

/** The Prometheus text exposition of every metric, collectors read first. */
export async function renderMetrics(): Promise<string> {
  const s = state();
  for (const collect of s.collectors) collect();
  return s.registry.metrics();
}

/** The content type of renderMetrics()'s text (Prometheus text format 0.0.4). */
export function metricsContentType(): string {
  return state().registry.contentType;
}

/** For tests: forget our series and collectors; the process metrics stay registered once. */
export function resetMetrics(): void {
  const s = state();
  for (const name of [...s.counters.keys(), ...s.gauges.keys(), ...s.histograms.keys()]) s.registry.removeSingleMetric(name);
  s.counters.clear();
  s.gauges.clear();
  s.histograms.clear();
  s.collectors.length = 0;
}
