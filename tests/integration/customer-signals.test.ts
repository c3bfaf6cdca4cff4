import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "../../app/api/webhooks/[integrationId]/route.ts";
import { db } from "../../lib/db/client.ts";
import { setIncidentImpact } from "../../lib/incidents/set-incident-impact.ts";
import type { IngestResult } from "../../lib/integrations/ingest-webhook.ts";
import { createIntegration } from "../../lib/integrations/create-integration.ts";
import { getCustomerSignals } from "../../lib/signals/get-customer-signals.ts";
import { appErrorOf } from "../helpers/app-error.ts";
import { callRoute } from "../helpers/call-route.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let org: SeededOrganization;
let survey: { id: string; secret: string };

beforeAll(async () => {
  testDb = await createTestDatabase();
  org = await seedOrganization("Signals Retail");
  const made = await createIntegration(org.admin, { kind: "survey", name: "Exit-intent survey" });
  survey = { id: made.integration.id, secret: made.secret };
});
afterAll(() => testDb.close());

const send = (body: unknown, secret = survey.secret) =>
  callRoute(webhookRoute.POST, { method: "POST", params: { integrationId: survey.id }, headers: { "x-warroom-secret": secret }, body });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe("customer signals from a survey integration", () => {
  it("counts answers per journey of the last 30 minutes, once per response id, the incident's journeys first", async () => {
    const incident = await seedIncident(org.commander);
    await setIncidentImpact(org.commander, incident.id, { journeys: { checkout: { degradation: 40 } } });

    const batch = {
      responses: [
        { responseId: "r1", journey: "checkout", score: 1, comment: "Stuck on the last step", answeredAt: minutesAgo(2) },
        { responseId: "r2", journey: "checkout", score: 3, answeredAt: minutesAgo(10) },
        { responseId: "r3", comment: "Search shows nothing", answeredAt: minutesAgo(5) },
        { responseId: "old", journey: "checkout", answeredAt: minutesAgo(45) },
        { responseId: "none", comment: "Nice shop" },
      ],
    };
    const first = await send(batch);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: 5, recorded: 5, repeats: 0, opened: 0 } satisfies Partial<IngestResult>);
    // The tool retries: nothing counted twice.
    const again = await send(batch);
    expect(again.body).toMatchObject({ received: 5, recorded: 0, repeats: 5, duplicate: true });
    // Delighted, as it posts.
    await send({
      event_type: "survey_response.created",
      event_data: { id: 981, score: 2, comment: "card declined at checkout", created_at: Math.floor(Date.now() / 1000) - 60 },
    });

    const signals = await getCustomerSignals(org.viewer, incident.id);
    expect(signals.windowMinutes).toBe(30);
    expect(signals.journeys.map((j) => [j.journey, j.responses, j.averageScore, j.touchesIncident])).toEqual([
      ["checkout", 2, 2, true],
      // Ties in the journey's order along the shopping path.
      ["search", 1, null, false],
      ["payment", 1, 2, false],
    ]);
    expect(signals.journeys[0]?.comments.map((c) => c.text)).toEqual(["Stuck on the last step"]);
    // No incident was opened by answers.
    expect(await db().incident.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it("counts answers about a journey as the incident's when an impacted service serves it, without any impact set", async () => {
    const { createTeam } = await import("../../lib/catalog/create-team.ts");
    const { createService } = await import("../../lib/catalog/create-service.ts");
    const team = await createTeam(org.admin, { name: "Payments" });
    const psp = await createService(org.admin, { name: "Payment gateway adapter", teamId: team.id, journeys: ["checkout", "payment"] });
    const { setImpactedServices } = await import("../../lib/incidents/set-impacted-services.ts");
    const incident = await seedIncident(org.commander);
    await setImpactedServices(org.commander, incident.id, { serviceIds: [psp.id] });
    await send({ responseId: "svc-1", journey: "payment", score: 1, comment: "payment failed twice" });
    const signals = await getCustomerSignals(org.viewer, incident.id);
    expect(
      signals.journeys
        .filter((j) => j.touchesIncident)
        .map((j) => j.journey)
        .sort(),
    ).toEqual(["checkout", "payment"]);
  });

  it("refuses a wrong secret (401) and an answer without an id (422 naming responseId), storing nothing", async () => {
    const before = await db().customerSignal.count();
    expect((await send({ responseId: "x1", journey: "cart" }, "wrong")).status).toBe(401);
    const bad = await send({ journey: "cart" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("responseId");
    expect(await db().customerSignal.count()).toBe(before);
  });

  it("are read within the organisation only", async () => {
    const incident = await seedIncident(org.commander);
    const other = await seedOrganization("Globex");
    expect((await appErrorOf(getCustomerSignals(other.admin, incident.id))).status).toBe(404);
    const theirs = await seedIncident(other.commander);
    expect((await getCustomerSignals(other.admin, theirs.id)).journeys).toEqual([]);
  });
});
