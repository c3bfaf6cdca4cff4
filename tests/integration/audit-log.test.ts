import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditFacets, auditToCsv, listAudit } from "../../lib/audit-log/list-audit.ts";
import { db } from "../../lib/db/client.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { appErrorOf, fieldsOf } from "../helpers/app-error.ts";
import { seedIncident, seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let acme: SeededOrganization;
let globex: SeededOrganization;

beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
  const incident = await seedIncident(acme.commander, { title: "Search index stale" });
  await updateIncident(acme.commander, incident.id, { severity: "SEV1" });
  await updateIncident(acme.admin, incident.id, { title: '=HYPERLINK("http://evil") search index stale' });
  await seedIncident(globex.commander, { title: "Another org's incident" });
});
afterAll(() => testDb.close());

describe("reading the audit log", () => {
  it("is for admins only", async () => {
    for (const who of [acme.commander, acme.responder, acme.viewer]) {
      expect((await appErrorOf(listAudit(who, {}))).status).toBe(403);
    }
  });

  it("lists the organisation's entries newest first, with who did what and before/after", async () => {
    const { entries, hasMore } = await listAudit(acme.admin, {});
    expect(hasMore).toBe(false);
    expect(entries.map((e) => e.action)).toEqual(["incident.update", "incident.update", "incident.declare"]);
    expect(entries[0]?.actor?.id).toBe(acme.admin.userId);
    expect(entries[1]?.before).toMatchObject({ severity: "SEV2" });
    expect(entries[1]?.after).toMatchObject({ severity: "SEV1" });
    expect(entries.every((e) => e.actor?.email.includes("test.local"))).toBe(true);
  });

  it("filters by action family, exact action, who and time, and pages", async () => {
    expect((await listAudit(acme.admin, { action: "incident" })).entries).toHaveLength(3);
    expect((await listAudit(acme.admin, { action: "incident.declare" })).entries).toHaveLength(1);
    expect((await listAudit(acme.admin, { actorId: acme.admin.userId })).entries).toHaveLength(1);
    expect((await listAudit(acme.admin, { from: new Date(Date.now() + 60_000).toISOString() })).entries).toHaveLength(0);
    const first = await listAudit(acme.admin, { limit: 2 });
    expect(first.hasMore).toBe(true);
    const rest = await listAudit(acme.admin, { limit: 2, before: first.entries[1]?.id });
    expect([...first.entries, ...rest.entries].map((e) => e.id)).toEqual((await listAudit(acme.admin, {})).entries.map((e) => e.id));
    expect(await auditFacets(acme.admin)).toEqual({ actions: ["incident.declare", "incident.update"], entityTypes: ["Incident"] });
  });

  it("names the field of a bad filter", async () => {
    const error = await appErrorOf(listAudit(acme.admin, { from: "yesterday", limit: 0 }));
    expect(error.status).toBe(422);
    expect(fieldsOf(error).sort()).toEqual(["from", "limit"]);
  });

  it("exports CSV that a spreadsheet opens as text, not formulas", async () => {
    const csv = auditToCsv((await listAudit(acme.admin, {})).entries);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("at,actor,actorEmail,apiToken,action,entityType,entityId,before,after");
    expect(lines).toHaveLength(4);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    expect(csv).toContain('""title"":""=HYPERLINK');
  });
});

describe("append-only", () => {
  it("refuses to update or delete an entry, in the database itself", async () => {
    const entry = await db().auditLog.findFirstOrThrow({ where: { organizationId: acme.id } });
    await expect(db().auditLog.update({ where: { id: entry.id }, data: { action: "nothing.happened" } })).rejects.toThrow(/append-only/);
    await expect(db().auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    expect((await db().auditLog.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe(entry.action);
  });

  it("still lets an organisation be removed with everything it owns", async () => {
    await db().organization.delete({ where: { id: globex.id } });
    expect(await db().auditLog.count({ where: { organizationId: globex.id } })).toBe(0);
  });
});
