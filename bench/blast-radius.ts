// `npm run bench`: blast radius on a 5,000-service / 25,000-edge catalog must answer within 50 ms (p95),
// because the service map recomputes it on every click. Deterministic: same graph and queries every run.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { blastRadius, buildGraphIndex, type BlastDependency, type BlastService, type ServiceGraph } from "../lib/catalog/blast-radius.ts";

const SERVICES = 5_000;
const EDGES = 25_000;
const LAYERS = 10; // layer 0: front ends, last layer: databases and platform pieces
const BACK_EDGE_SHARE = 0.05; // low-level services calling up the stack: the cycles real catalogs have
const QUERIES = 200;
const WARM_UP = 30;
const BUDGET_MS = 50;

// mulberry32: tiny, seedable, good enough to spread edges.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20261122);
const pick = (from: number, to: number) => from + Math.floor(random() * (to - from));
const perLayer = SERVICES / LAYERS;
const layerOf = (i: number) => Math.floor(i / perLayer);
const inLayer = (layer: number) => pick(layer * perLayer, (layer + 1) * perLayer);

function makeGraph(): ServiceGraph {
  const services: BlastService[] = Array.from({ length: SERVICES }, (_, i) => ({
    id: `svc-${i}`,
    name: `Service ${i}`,
    teamId: `team-${i % 120}`,
    journeys: i % 7 === 0 ? [`journey-${i % 40}`] : [],
  }));
  const seen = new Set<string>();
  const dependencies: BlastDependency[] = [];
  while (dependencies.length < EDGES) {
    const from = pick(0, SERVICES);
    const fromLayer = layerOf(from);
    const isBackEdge = random() < BACK_EDGE_SHARE || fromLayer === LAYERS - 1;
    const to = isBackEdge
      ? inLayer(pick(0, Math.max(fromLayer, 1)))
      : inLayer(Math.min(LAYERS - 1, fromLayer + 1 + Math.floor(random() * random() * 3)));
    const key = `${from}>${to}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    dependencies.push({ fromId: `svc-${from}`, toId: `svc-${to}`, isAsync: random() < 0.2, isCritical: random() < 0.3 });
  }
  return { services, dependencies };
}

function makeQueries(): string[][] {
  return Array.from({ length: QUERIES }, (_, q) => {
    const size = 1 + (q % 5);
    // One query in four hits only the bottom layer: the widest radius, the case that must stay fast.
    const isDeep = q % 4 === 0;
    return Array.from({ length: size }, () => `svc-${isDeep ? inLayer(LAYERS - 1) : pick(0, SERVICES)}`);
  });
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const round = (ms: number) => Math.round(ms * 1000) / 1000;

const graph = makeGraph();
const queries = makeQueries();

let started = performance.now();
const index = buildGraphIndex(graph);
const buildMs = performance.now() - started;

for (let i = 0; i < WARM_UP; i++) blastRadius(index, queries[i % queries.length] ?? []);

const timings: number[] = [];
let largestRadius = 0;
let deepestDepth = 0;
for (const impacted of queries) {
  started = performance.now();
  const result = blastRadius(index, impacted);
  timings.push(performance.now() - started);
  largestRadius = Math.max(largestRadius, result.affected.length);
  deepestDepth = Math.max(deepestDepth, result.affected.at(-1)?.depth ?? 0);
}
timings.sort((a, b) => a - b);

const summary = {
  services: graph.services.length,
  edges: graph.dependencies.length,
  queries: QUERIES,
  buildIndexMs: round(buildMs),
  blastRadiusMs: { p50: round(percentile(timings, 50)), p95: round(percentile(timings, 95)), max: round(timings.at(-1) ?? Number.NaN) },
  largestRadius,
  deepestDepth,
  budgetMs: BUDGET_MS,
  node: process.version,
  at: new Date().toISOString(),
};

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(path.join(resultsDir, "blast-radius.json"), `${JSON.stringify(summary, null, 2)}\n`);

console.log(`blast radius: ${summary.services} services, ${summary.edges} edges, ${QUERIES} queries`);
console.log(`  buildGraphIndex   ${summary.buildIndexMs} ms (once)`);
console.log(
  `  blastRadius       p50 ${summary.blastRadiusMs.p50} ms   p95 ${summary.blastRadiusMs.p95} ms   max ${summary.blastRadiusMs.max} ms`,
);
console.log(`  largest radius    ${largestRadius} affected services (deepest ${deepestDepth} hops)`);
console.log(`  written to        bench/results/blast-radius.json`);

if (summary.blastRadiusMs.p95 >= BUDGET_MS) {
  console.error(`FAIL: blastRadius p95 ${summary.blastRadiusMs.p95} ms is at or over the ${BUDGET_MS} ms budget.`);
  process.exit(1);
}
