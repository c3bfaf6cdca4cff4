import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "../../app/api/webhooks/[integrationId]/route.ts";
import { db } from "../../lib/db/client.ts";
import { CLIENT_IP_HEADER } from "../../lib/security/client-ip.ts";
import { createIntegration } from "../../lib/integrations/create-integration.ts";
import { callRoute } from "../helpers/call-route.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Acme");
});

afterAll(() => testDb.close());

afterEach(() => {
  delete process.env.WEBHOOK_AUTH_FAILURES_PER_IP;
  delete process.env.WEBHOOK_REQUESTS_PER_MINUTE;
});

let counter = 0;
async function source() {
  return createIntegration(org.admin, { kind: "generic", name: `generic ${++counter}`, opensIncidents: false });
}

function post(id: string, ip: string, secret: string, dedupKey = "k") {
  const body = JSON.stringify({ dedupKey, title: "Checkout 5xx above 2%", status: "resolved" });
  return callRoute<{ integrationId: string }>(webhookRoute.POST, {
    method: "POST",
    path: `/api/webhooks/${id}`,
    params: { integrationId: id },
    headers: { [CLIENT_IP_HEADER]: ip, "x-warroom-secret": secret },
    body,
  });
}

describe("webhook rate limits", () => {
  it("stops an address guessing secrets with 429 + Retry-After, while the real sender elsewhere carries on", async () => {
    process.env.WEBHOOK_AUTH_FAILURES_PER_IP = "3";
    const { integration, secret } = await source();
    const guesses = [];
    for (let i = 0; i < 4; i++) guesses.push(await post(integration.id, "203.0.113.9", `wrong-${i}`));
    expect(guesses.map((g) => g.status)).toEqual([401, 401, 401, 429]);
    const limited = guesses[3]!;
    expect((limited.body as { error: { code: string } }).error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Even the right secret from the locked-out address waits: a guesser learns nothing more.
    expect((await post(integration.id, "203.0.113.9", secret)).status).toBe(429);
    // The monitoring system at another address is not affected.
    expect((await post(integration.id, "198.51.100.7", secret)).status).toBe(200);
  });

  it("caps authentic requests per integration per minute; other integrations keep their own budget", { timeout: 30_000 }, async () => {
    process.env.WEBHOOK_REQUESTS_PER_MINUTE = "2";
    const a = await source();
    const b = await source();
    // The window is a calendar minute: start well inside one so all three calls share it.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 50));
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await post(a.integration.id, "198.51.100.7", a.secret, `a${i}`)).status);
    expect(answers).toEqual([200, 200, 429]);
    expect((await post(b.integration.id, "198.51.100.7", b.secret)).status).toBe(200);
    // The refused request stored nothing.
    const keys = await db().integrationAlert.findMany({ where: { integrationId: a.integration.id }, select: { dedupKey: true } });
    expect(keys.map((k) => k.dedupKey).sort()).toEqual(["a0", "a1"]);
  });
});
