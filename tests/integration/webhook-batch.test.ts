// Issue #16, finding 7: a generic webhook with two alerts, the second invalid, answered 500 yet
// opened the first alert's incident. The whole batch is checked before anything is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "../../app/api/webhooks/[integrationId]/route.ts";
import { db } from "../../lib/db/client.ts";
import { createIntegration } from "../../lib/integrations/create-integration.ts";
import { callRoute } from "../helpers/call-route.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
let source: { id: string; secret: string };

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Acme");
  const created = await createIntegration(org.admin, { kind: "generic", name: "Synthetic checks" });
  source = { id: created.integration.id, secret: created.secret };
});
afterAll(() => testDb.close());

const post = (body: unknown) =>
  callRoute<{ integrationId: string }>(webhookRoute.POST, {
    method: "POST",
    path: `/api/webhooks/${source.id}`,
    params: { integrationId: source.id },
    headers: { "x-warroom-secret": source.secret },
    body,
  });

const GOOD = { dedupKey: "checkout-5xx", status: "firing", title: "Checkout API 5xx above 5%" };
const BAD_SECOND = {
  "NUL in a title": { dedupKey: "payment-timeouts", status: "firing", title: "Payment gateway\u0000timeouts" },
  "year 0000": { dedupKey: "payment-timeouts", status: "firing", title: "Payment gateway timeouts", startedAt: "0000-01-01T00:00:00Z" },
  "a lone surrogate in a label": {
    dedupKey: "payment-timeouts",
    status: "firing",
    title: "Payment gateway timeouts",
    labels: { region: "eu\uD800" },
  },
};

describe("a webhook batch is all or nothing", () => {
  for (const [what, second] of Object.entries(BAD_SECOND)) {
    for (const deliveryId of [undefined, `delivery-${what.length}`]) {
      it(`refuses the whole batch when the second alert has ${what} (${deliveryId ? "with" : "without"} deliveryId), opening nothing`, async () => {
        const before = {
          incidents: await db().incident.count(),
          alerts: await db().integrationAlert.count(),
          audit: await db().auditLog.count(),
        };
        const res = await post({ ...(deliveryId ? { deliveryId } : {}), alerts: [GOOD, second] });
        expect(res.status).toBe(422);
        expect(JSON.stringify(res.body)).toContain("alerts.1");
        expect({
          incidents: await db().incident.count(),
          alerts: await db().integrationAlert.count(),
          audit: await db().auditLog.count(),
        }).toEqual(before);
      });
    }
  }
});
