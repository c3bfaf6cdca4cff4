import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as incidentsRoute from "../../app/api/incidents/route.ts";
import * as eventsRoute from "../../app/api/incidents/[id]/events/route.ts";
import * as servicesRoute from "../../app/api/incidents/[id]/services/route.ts";
import * as teamRoute from "../../app/api/teams/[id]/route.ts";
import * as tokenRoute from "../../app/api/tokens/route.ts";
import { listAudit } from "../../lib/audit-log/list-audit.ts";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { db } from "../../lib/db/client.ts";
import type { ApiTokenDto } from "../../lib/people/api-tokens.ts";
import { bearer, callRoute } from "../helpers/call-route.ts";
import { seedCatalog, seedOrganization, type SeededCatalog, type SeededOrganization } from "../helpers/seed.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

// A change made with an API token is recorded as its user's (the actor), with the token named in
// the row, so the audit log tells a script from the person's own browser.

let testDb: TestDatabase;
let acme: SeededOrganization;
let catalog: SeededCatalog;
let token: { secret: string; ref: { id: string; name: string; prefix: string } };
let session: Record<string, string>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme Token Audit");
  catalog = await seedCatalog(acme.admin);
  session = { cookie: await sessionCookie(acme.admin.userId) };
  const created = await callRoute(tokenRoute.POST, {
    method: "POST",
    path: "/api/tokens",
    headers: session,
    body: { name: "deploy bot", scope: "admin" },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { token: secret, apiToken } = created.body as { token: string; apiToken: ApiTokenDto };
  token = { secret, ref: { id: apiToken.id, name: "deploy bot", prefix: apiToken.prefix } };
});
afterAll(() => testDb.close());

const rowOf = (action: string, entityId: string) =>
  db().auditLog.findFirstOrThrow({ where: { action, entityId }, select: { actorId: true, after: true } });
const entryOf = async (id: string, action: string) => (await listAudit(acme.admin, { entityId: id, action })).entries[0];

async function declare(headers: Record<string, string>, title: string): Promise<string> {
  const res = await callRoute(incidentsRoute.POST, { method: "POST", path: "/api/incidents", headers, body: { title, severity: "SEV3" } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { id: string }).id;
}

describe("an API token's changes name the token in the audit log", () => {
  it("declaring: the token's row shows its user and the token; the browser's shows the user only", async () => {
    const byToken = await declare(bearer(token.secret), "Declared by the deploy bot");
    const row = await rowOf("incident.declare", byToken);
    expect(row.actorId).toBe(acme.admin.userId);
    expect(row.after).toMatchObject({ title: "Declared by the deploy bot", apiToken: token.ref });
    const entry = await entryOf(byToken, "incident.declare");
    expect(entry?.actor?.id).toBe(acme.admin.userId);
    expect(entry?.apiToken).toEqual(token.ref);
    expect(entry?.after).not.toHaveProperty("apiToken");

    const bySession = await declare(session, "Declared in the browser");
    const sessionRow = await rowOf("incident.declare", bySession);
    expect(sessionRow.actorId).toBe(acme.admin.userId);
    expect(sessionRow.after).not.toHaveProperty("apiToken");
    const sessionEntry = await entryOf(bySession, "incident.declare");
    expect(sessionEntry?.actor?.id).toBe(acme.admin.userId);
    expect(sessionEntry?.apiToken).toBeNull();
  });

  it("posting (the one-statement path), setting services and deleting name it too", async () => {
    const incidentId = await declare(session, "Token writes");
    const posted = await callRoute(eventsRoute.POST, {
      method: "POST",
      path: `/api/incidents/${incidentId}/events`,
      params: { id: incidentId },
      headers: bearer(token.secret),
      body: { kind: "note", body: "from CI" },
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const eventId = (posted.body as { id: string }).id;
    expect((await rowOf("timeline.post", eventId)).after).toMatchObject({ body: "from CI", apiToken: token.ref });
    const fromBrowser = await callRoute(eventsRoute.POST, {
      method: "POST",
      path: `/api/incidents/${incidentId}/events`,
      params: { id: incidentId },
      headers: session,
      body: { kind: "note", body: "by hand" },
    });
    expect(fromBrowser.status).toBe(201);
    expect((await rowOf("timeline.post", (fromBrowser.body as { id: string }).id)).after).not.toHaveProperty("apiToken");

    const services = await callRoute(servicesRoute.PUT, {
      method: "PUT",
      path: `/api/incidents/${incidentId}/services`,
      params: { id: incidentId },
      headers: bearer(token.secret),
      body: { serviceIds: [catalog.gateway.id] },
    });
    expect(services.status, JSON.stringify(services.body)).toBe(200);
    expect((await rowOf("incident.services", incidentId)).after).toEqual({ serviceIds: [catalog.gateway.id], apiToken: token.ref });

    // A delete writes no `after` of its own: the row's after is the token's mark alone.
    const team = await createTeam(acme.admin, { name: "Short-lived team" });
    const deleted = await callRoute(teamRoute.DELETE, {
      method: "DELETE",
      path: `/api/teams/${team.id}`,
      params: { id: team.id },
      headers: bearer(token.secret),
    });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect((await rowOf("team.delete", team.id)).after).toEqual({ apiToken: token.ref });
    const entry = await entryOf(team.id, "team.delete");
    expect(entry?.apiToken).toEqual(token.ref);
    expect(entry?.after).toBeNull();
  });
});
