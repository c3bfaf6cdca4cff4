// A small Prometheus registry: counters, gauges and histograms with labels, rendered in the text
// exposition format. Hand-written rather than a dependency because we need a handful of series.
// Route handlers are bundled apart from server.ts, so the registry lives on globalThis.

type Labels = Record<string, string>;

const LATENCY_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface HistogramSeries {
  labels: Labels;
  buckets: number[];
  sum: number;
  count: number;
}

interface Metric {
  name: string;
  help: string;
  type: "counter" | "gauge" | "histogram";
  series: Map<string, { labels: Labels; value: number } | HistogramSeries>;
  buckets?: number[];
}

interface Registry {
  metrics: Map<string, Metric>;
  /** Read at scrape time (socket count, pool sizes): values owned by someone else. */
  collectors: (() => void)[];
}

declare global {
  var __warroomMetrics: Registry | undefined;
}

function registry(): Registry {
  globalThis.__warroomMetrics ??= { metrics: new Map(), collectors: [] };
  return globalThis.__warroomMetrics;
}

function keyOf(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(",");
}

function metric(name: string, help: string, type: Metric["type"], buckets?: number[]): Metric {
  const metrics = registry().metrics;
  let m = metrics.get(name);
  if (!m) {
    m = { name, help, type, series: new Map(), buckets };
    metrics.set(name, m);
  }
  return m;
}

export function incCounter(name: string, help: string, labels: Labels = {}, by = 1): void {
  const m = metric(name, help, "counter");
  const key = keyOf(labels);
  const s = m.series.get(key) as { labels: Labels; value: number } | undefined;
  if (s) s.value += by;
  else m.series.set(key, { labels, value: by });
}

export function setGauge(name: string, help: string, value: number, labels: Labels = {}): void {
  metric(name, help, "gauge").series.set(keyOf(labels), { labels, value });
}

/** Replaces every series of a gauge (a top-N list whose labels come and go between scrapes). */
export function replaceGauge(name: string, help: string, series: { labels: Labels; value: number }[]): void {
  const m = metric(name, help, "gauge");
  m.series.clear();
  for (const s of series) m.series.set(keyOf(s.labels), s);
}

/** Records one observation in seconds. */
export function observeSeconds(name: string, help: string, seconds: number, labels: Labels = {}): void {
  const m = metric(name, help, "histogram", LATENCY_BUCKETS_S);
  const key = keyOf(labels);
  let s = m.series.get(key) as HistogramSeries | undefined;
  if (!s) {
    s = { labels, buckets: LATENCY_BUCKETS_S.map(() => 0), sum: 0, count: 0 };
    m.series.set(key, s);
  }
  LATENCY_BUCKETS_S.forEach((le, i) => {
    if (seconds <= le) s.buckets[i] = (s.buckets[i] ?? 0) + 1;
  });
  s.sum += seconds;
  s.count += 1;
}

export function addCollector(collect: () => void): void {
  registry().collectors.push(collect);
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels);
  if (extra) pairs.push(extra);
  return pairs.length ? `{${pairs.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",")}}` : "";
}

/** The Prometheus text exposition (version 0.0.4) of every metric. */
export function renderMetrics(): string {
  const reg = registry();
  for (const collect of reg.collectors) collect();
  const lines: string[] = [];
  for (const m of [...reg.metrics.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(`# HELP ${m.name} ${m.help}`, `# TYPE ${m.name} ${m.type}`);
    for (const s of m.series.values()) {
      if ("buckets" in s) {
        (m.buckets ?? []).forEach((le, i) => lines.push(`${m.name}_bucket${labelText(s.labels, ["le", String(le)])} ${s.buckets[i] ?? 0}`));
        lines.push(`${m.name}_bucket${labelText(s.labels, ["le", "+Inf"])} ${s.count}`);
        lines.push(`${m.name}_sum${labelText(s.labels)} ${s.sum}`, `${m.name}_count${labelText(s.labels)} ${s.count}`);
      } else {
        lines.push(`${m.name}${labelText(s.labels)} ${s.value}`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/** For tests: forget every series and collector. */
export function resetMetrics(): void {
  globalThis.__warroomMetrics = undefined;
}
