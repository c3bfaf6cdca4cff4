import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as webhookRoute from "../../app/api/webhooks/[integrationId]/route.ts";
import { db } from "../../lib/db/client.ts";
import type { IngestResult } from "../../lib/integrations/ingest-webhook.ts";
import { createIntegration } from "../../lib/integrations/create-integration.ts";
import { getIntegration } from "../../lib/integrations/get-integration.ts";
import { listIntegrations } from "../../lib/integrations/list-integrations.ts";
import { callRoute } from "../helpers/call-route.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let acme: SeededOrganization;

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme");
});
afterAll(() => testDb.close());

const post = (id: string, body: string, headers: Record<string, string>) =>
  callRoute<{ integrationId: string }>(webhookRoute.POST, {
    method: "POST",
    path: `/api/webhooks/${id}`,
    params: { integrationId: id },
    headers,
    body,
  });

describe("refused webhook requests", () => {
  it("are listed on the integration (newest first) with status and reason, the body cut short and no secret in it", async () => {
    const { integration, secret } = await createIntegration(acme.admin, { kind: "generic", name: "Checkout probes" });
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      // 401: a wrong secret, with the real one pasted into the payload and an API key beside it.
      const leaky = JSON.stringify({ dedupKey: "k", title: "Checkout down", note: `secret is ${secret}`, api_key: "dd-0123456789abcdef" });
      expect((await post(integration.id, leaky, { "x-warroom-secret": "whk_wrong-secret-value-000000" })).status).toBe(401);
      // 422: unreadable; 413: too large.
      expect((await post(integration.id, "{not json", { "x-warroom-secret": secret })).status).toBe(422);
      expect((await post(integration.id, JSON.stringify({ title: "x".repeat(300 * 1024) }), { "x-warroom-secret": secret })).status).toBe(
        413,
      );
      // Accepted requests are not listed.
      expect((await post(integration.id, JSON.stringify({ dedupKey: "ok", title: "Fine" }), { "x-warroom-secret": secret })).status).toBe(
        200,
      );

      const { refusals } = await getIntegration(acme.admin, integration.id);
      expect(refusals.map((r) => r.status)).toEqual([413, 422, 401]);
      const [tooLarge, unreadable, unauthorised] = refusals;
      expect(unauthorised?.reason).toMatch(/secret is missing or wrong/);
      expect(unauthorised?.bodyExcerpt).toContain("Checkout down");
      expect(unauthorised?.bodyExcerpt).not.toContain(secret);
      expect(unauthorised?.bodyExcerpt).not.toContain("dd-0123456789abcdef");
      expect(unreadable).toMatchObject({ code: "validation_failed", bodyExcerpt: "{not json" });
      expect(tooLarge?.reason).toMatch(/256 KB/);
      expect(tooLarge?.bodyExcerpt.length ?? 0).toBeLessThanOrEqual(500);

      // One warning line per refusal, at most one a minute per integration.
      const warnings = stderr.mock.calls.map(([line]) => String(line)).filter((l) => l.includes("webhook request refused"));
      expect(warnings).toHaveLength(1);
      expect(JSON.parse(warnings[0]!)).toMatchObject({ level: "warn", integrationId: integration.id, status: 401 });
      expect(warnings[0]).not.toContain(secret);
    } finally {
      stderr.mockRestore();
    }
  });

  it("keeps only the last 50", async () => {
    const { integration, secret } = await createIntegration(acme.admin, { kind: "generic", name: "Noisy" });
    for (let i = 0; i < 53; i++) await post(integration.id, `{"n":${i}}`, { "x-warroom-secret": secret });
    const { refusals } = await getIntegration(acme.admin, integration.id);
    expect(refusals).toHaveLength(50);
    expect(await db().webhookRefusal.count({ where: { integrationId: integration.id } })).toBe(50);
    expect(refusals[0]?.bodyExcerpt).toBe('{"n":52}');
  });
});

describe("the webhook's answer and the integration's counts", () => {
  it("lists the incidents that received entries as well as those opened", async () => {
    const { integration, secret } = await createIntegration(acme.admin, { kind: "generic", name: "Two keys" });
    // Grouping is Alertmanager's and Grafana's (on by default there); a generic source never groups.
    expect(integration.groupAlerts).toBe(false);
    expect((await createIntegration(acme.admin, { kind: "alertmanager", name: "AM default" })).integration.groupAlerts).toBe(true);
    const send = async (body: object) =>
      (await post(integration.id, JSON.stringify(body), { "x-warroom-secret": secret })).body as IngestResult;
    const first = await send({ dedupKey: "a", title: "Cart slow" });
    expect(first.incidents).toEqual([expect.objectContaining({ opened: true })]);
    const second = await send({
      alerts: [
        { dedupKey: "a", status: "resolved", title: "Cart slow" },
        { dedupKey: "b", title: "Search slow" },
      ],
    });
    expect(second).toMatchObject({ opened: 1, appended: 1 });
    expect(second.incidents.map((i) => [i.opened, i.id === first.incidents[0]?.id])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it("counts a survey integration's answers", async () => {
    const { integration, secret } = await createIntegration(acme.admin, { kind: "survey", name: "Checkout survey" });
    const answer = (id: string) => ({ responseId: id, score: 2, comment: "Could not pay at checkout", journey: "checkout" });
    const res = await post(integration.id, JSON.stringify({ responses: [answer("r1"), answer("r2")] }), { "x-warroom-secret": secret });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await post(integration.id, JSON.stringify(answer("r1")), { "x-warroom-secret": secret });
    expect((await getIntegration(acme.admin, integration.id)).stats).toEqual({ keys: 2, received: 2 });
    expect((await listIntegrations(acme.admin)).find((i) => i.id === integration.id)?.stats).toEqual({ keys: 2, received: 2 });
  });
});
