// Prometheus scrapes the real server: request latency, live sockets, timeline fan-out latency and,
// on PostgreSQL, the connection pool. Without the token nothing is shown.
import { METRICS_TOKEN } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, room } from "./support/room.ts";
import { seedEvent, seedIncident, uniqueTag } from "./support/seed.ts";

const value = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

test("GET /metrics needs the token and reports sockets, fan-out and request latency", async ({ apiAs, pageAs, request }) => {
  const refused = await request.get("/metrics");
  expect(refused.status()).toBe(401);
  expect(await refused.text()).not.toContain("warroom_");

  const api = await apiAs("commander");
  const incident = await seedIncident(api, { title: `Metrics check ${uniqueTag()}` });
  const { page } = await pageAs("responder");
  await page.goto(`/incidents/${incident.id}`);
  await expectLive(room(page));
  await seedEvent(api, incident.id, { body: "Scaled the payment adapter to 6 pods" });

  const res = await request.get("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(value(text, "warroom_sockets")).toBeGreaterThanOrEqual(1);
  expect(value(text, "process_resident_memory_bytes")).toBeGreaterThan(50 * 1024 * 1024);
  expect(value(text, "nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
  expect(value(text, "warroom_timeline_fanout_seconds_count")).toBeGreaterThanOrEqual(1);
  expect(text).toMatch(
    /warroom_http_request_duration_seconds_count\{method="POST",route="\/api\/incidents\/:id\/events",status="2xx"\} \d+/,
  );
  if (process.env.TEST_DATABASE_URL) expect(text).toMatch(/warroom_db_pool_connections\{state="idle"\} \d+/);
});
