// Alert ingest under a storm: many alerts over a few de-duplication keys through the generic
// webhook, as a monitoring system sends them when everything fires at once. De-duplication must
// hold: one incident per key, every alert counted on its key's row.
import { performance } from "node:perf_hooks";
import type pg from "pg";

export interface AlertStormResult {
  alerts: number;
  keys: number;
  requests: number;
  seconds: number;
  alertsPerSecond: number;
  /** Incidents the storm opened: must equal `keys`. */
  incidentsOpened: number;
  /** Alerts counted on the keys' rows once deferred work finished: must equal `alerts`. */
  alertsCounted: number;
  refused: number;
}

export async function alertStorm(
  base: string,
  adminCookie: string,
  db: pg.Client,
  options = { alerts: 10_000, keys: 20, perRequest: 20, concurrency: 10 },
): Promise<AlertStormResult> {
  const created = await fetch(`${base}/api/integrations`, {
    method: "POST",
    headers: { cookie: adminCookie, "content-type": "application/json" },
    body: JSON.stringify({ kind: "generic", name: `Bench storm ${Date.now()}` }),
  });
  if (created.status !== 201) throw new Error(`creating the integration answered ${created.status}: ${await created.text()}`);
  const { integration, secret } = (await created.json()) as { integration: { id: string }; secret: string };

  const requests = Math.ceil(options.alerts / options.perRequest);
  let nextRequest = 0;
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (nextRequest < requests) {
        const r = nextRequest++;
        const alerts = Array.from({ length: options.perRequest }, (_, i) => {
          const key = (r * options.perRequest + i) % options.keys;
          return { dedupKey: `storm-${key}`, title: `Checkout latency over SLO (${key})`, service: "Payments API" };
        });
        const res = await fetch(`${base}/api/webhooks/${integration.id}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-warroom-secret": secret },
          body: JSON.stringify({ alerts }),
        });
        await res.arrayBuffer();
        if (res.status >= 300) refused++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  // Alerts past a request's answer budget finish just after it: wait for the counts to settle.
  const counted = async () =>
    (
      await db.query<{ alerts: string; incidents: string }>(
        `SELECT coalesce(sum(count), 0) AS alerts, count(DISTINCT "incidentId") AS incidents FROM "IntegrationAlert" WHERE "integrationId" = $1`,
        [integration.id],
      )
    ).rows[0];
  const until = Date.now() + 60_000;
  let last = await counted();
  while (Number(last?.alerts) < options.alerts - refused * options.perRequest && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    last = await counted();
  }
  return {
    alerts: options.alerts,
    keys: options.keys,
    requests,
    seconds,
    alertsPerSecond: options.alerts / seconds,
    incidentsOpened: Number(last?.incidents ?? 0),
    alertsCounted: Number(last?.alerts ?? 0),
    refused,
  };
}
