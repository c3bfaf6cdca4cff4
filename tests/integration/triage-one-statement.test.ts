import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor.ts";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { db } from "../../lib/db/client.ts";
import type { TriageDto, TriageRowDto } from "../../lib/impact/impact-dto.ts";
import { getImpactSettings, readImpactSettingsNow, updateImpactSettings } from "../../lib/impact/impact-settings.ts";
import { loadImpact } from "../../lib/impact/load-impact.ts";
import { compareTriage } from "../../lib/impact/priority.ts";
import { getBlastRadii } from "../../lib/incidents/get-blast-radius.ts";
import { getTriage, triageKey } from "../../lib/incidents/get-triage.ts";
import { setImpactedServices } from "../../lib/incidents/set-impacted-services.ts";
import { setIncidentImpact } from "../../lib/incidents/set-incident-impact.ts";
import { setResponder } from "../../lib/incidents/set-incident-role.ts";
import { seedDemo } from "../../lib/seed/seed-demo.ts";
import { postStakeholderUpdate } from "../../lib/stakeholder/post-stakeholder-update.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { strikeEvent } from "../../lib/timeline/strike-event.ts";
import { incidentRef } from "../../lib/vocabulary/incidents.ts";
import { seedIncident, seedOrganization, seedPeople } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

// getTriage reads the board's incidents, the catalog and the impact settings in a statement each (#17:
// the ORM's sixteen reads were most of a /triage render's CPU). The board must be the one the
// ORM's reads give, to the last field: built here from them the way getTriage used to build it.
let testDb: TestDatabase;
let commander: Actor;

async function boardFromOrm(actor: Actor, now: Date): Promise<TriageDto> {
  const found = await loadImpact(actor.organizationId, { status: { not: "resolved" } }, now);
  const ids = found.map((f) => f.incident.id);
  const radii = await getBlastRadii(actor, ids);
  const updates = await db().stakeholderUpdate.findMany({
    where: { organizationId: actor.organizationId, incidentId: { in: ids } },
    orderBy: [{ incidentId: "asc" }, { createdAt: "desc" }, { eventSeq: "desc" }],
    distinct: ["incidentId"],
    select: { incidentId: true, nextUpdateBy: true },
  });
  const dueAt = new Map(updates.map((u) => [u.incidentId, u.nextUpdateBy?.toISOString() ?? null]));
  const org = await db().organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { currency: true } });
  const rows = found.map(({ incident, impact }): TriageRowDto => {
    const teams = radii.get(incident.id)?.teams ?? [];
    return {
      incident: {
        id: incident.id,
        ref: incidentRef(incident.number),
        title: incident.title,
        drillId: incident.drillId,
        severity: incident.severity,
        status: incident.status,
        startedAt: incident.startedAt.toISOString(),
        commander: incident.commander,
        suggestedCommander: incident.commander ? null : incident.suggestedCommander,
      },
      impact,
      teamsNotNotified: teams.filter((t) => !t.notification).map((t) => ({ id: t.team.id, name: t.team.name })),
      teamsTotal: teams.length,
      stakeholderUpdateDueAt: dueAt.get(incident.id) ?? null,
    };
  });
  rows.sort((a, b) => compareTriage(triageKey(a), triageKey(b)));
  return { asOf: now.toISOString(), currency: org.currency, incidents: rows };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(testDb.database.prisma);
  const user = await db().user.findUniqueOrThrow({ where: { email: "commander@warroom.local" } });
  commander = await resolveActor(user.id);
});
afterAll(() => testDb.close());

describe("the triage board in one statement", () => {
  it("equals the board built from the ORM's reads, every relation filled", async () => {
    const p = db();
    const [ana, bo] = await seedPeople(commander.organizationId, 2, "Responder");
    if (!ana || !bo) throw new Error("two people were seeded");
    const busy = await seedIncident(commander, { title: "Card payments failing", severity: "SEV1" });
    const services = await p.service.findMany({
      where: { organizationId: commander.organizationId, name: { in: ["Payment gateway adapter", "Search index"] } },
    });
    await setImpactedServices(commander, busy.id, { serviceIds: services.map((s) => s.id) });
    // Impact changes by two people, one with evidence; a responder; posts by others (participants).
    await setIncidentImpact(commander, busy.id, { journeys: { checkout: { degradation: 40, failedCheckouts: 120, errorRate: 12.5 } } });
    await setIncidentImpact(ana, busy.id, { journeys: { checkout: { degradation: 25 }, payment: { degradation: 10, supportTickets: 7 } } });
    await setResponder(bo, busy.id, { userId: bo.userId }, true);
    await postEvent(ana, busy.id, { kind: "note", body: "Gateway answers 502" });
    await postEvent(bo, busy.id, { kind: "note", body: "Failing over" });
    // Told one team, then a struck notification to another (not told): the one notion of "told".
    const [payments, search] = await Promise.all(
      ["Payments", "Search & Feeds"].map((name) => p.team.findFirstOrThrow({ where: { organizationId: commander.organizationId, name } })),
    );
    await postEvent(commander, busy.id, {
      kind: "notification",
      body: "Told Payments",
      data: { target: "Payments", teamId: payments?.id, channel: "phone" },
    });
    const { event: wrong } = await postEvent(commander, busy.id, {
      kind: "notification",
      body: "Told Search",
      data: { target: "Search & Feeds", teamId: search?.id, channel: "chat" },
    });
    await strikeEvent(commander, busy.id, wrong.seq, { reason: "wrong team" });
    // Two stakeholder updates: the latest promise counts.
    await postStakeholderUpdate(commander, busy.id, {
      affected: "Card payments",
      doing: "Failing over",
      nextUpdateBy: new Date(Date.now() + 30 * 60_000).toISOString(),
    });
    await postStakeholderUpdate(commander, busy.id, {
      affected: "Card payments",
      doing: "Failed over",
      nextUpdateBy: new Date(Date.now() + 15 * 60_000).toISOString(),
    });
    // An incident nobody commands, with a suggested commander; a resolved one stays off the board.
    const quiet = await seedIncident(commander, { title: "Search slow", severity: "SEV3" });
    await p.incident.update({ where: { id: quiet.id }, data: { commanderId: null, suggestedCommanderId: ana.userId } });
    const done = await seedIncident(commander, { title: "Old", severity: "SEV2" });
    await p.incident.update({ where: { id: done.id }, data: { status: "resolved", resolvedAt: new Date() } });

    const now = new Date();
    const orm = await boardFromOrm(commander, now);
    const row = orm.incidents.find((r) => r.incident.id === busy.id);
    // The fixture fills what it means to: otherwise the comparison proves little.
    expect(row?.impact.journeys.map((j) => j.journey).sort()).toEqual(["checkout", "payment"]);
    expect(row?.impact.responseCost.people).toBeGreaterThanOrEqual(3);
    expect(row?.teamsTotal).toBeGreaterThan(1);
    expect(row?.teamsNotNotified.map((t) => t.name)).not.toContain("Payments");
    expect(row?.teamsNotNotified.map((t) => t.name)).toContain("Search & Feeds");
    expect(row?.stakeholderUpdateDueAt).not.toBeNull();
    expect(orm.incidents.find((r) => r.incident.id === quiet.id)?.incident.suggestedCommander?.id).toBe(ana.userId);
    expect(orm.incidents.map((r) => r.incident.id)).not.toContain(done.id);
    expect(orm.incidents.length).toBeGreaterThan(2);

    expect(await getTriage(commander, now)).toStrictEqual(orm);
  });

  it("reads the impact settings the ORM reads, peak windows and baselines included", async () => {
    const admin = await resolveActor((await db().user.findUniqueOrThrow({ where: { email: "admin@warroom.local" } })).id);
    await updateImpactSettings(admin, {
      hourlyProfile: Array.from({ length: 24 }, (_, h) => 0.5 + h / 23),
      responderHourlyRate: 87.5,
      peakWindows: [
        { name: "Cyber Monday", startsAt: "2026-12-07T05:00:00.000Z", endsAt: "2026-12-08T05:00:00.000Z", multiplier: 2.25 },
        { name: "Black Friday", startsAt: "2026-11-27T05:00:00.000Z", endsAt: "2026-11-28T05:00:00.000Z", multiplier: 3.1 },
      ],
    });
    const orm = await getImpactSettings(admin);
    expect(orm.peakWindows.map((w) => w.name)).toEqual(["Black Friday", "Cyber Monday"]);
    expect(Object.values(orm.baselines).some((b) => b.revenuePerMinute > 0)).toBe(true);
    expect(await readImpactSettingsNow(admin.organizationId)).toStrictEqual(orm);
  });

  it("shows another organisation none of these incidents", async () => {
    const other = await seedOrganization("Globex");
    const own = await seedIncident(other.commander, { title: "Their own" });
    const board = await getTriage(other.commander);
    expect(board.incidents.map((r) => r.incident.id)).toEqual([own.id]);
    expect(board).toStrictEqual(await boardFromOrm(other.commander, new Date(board.asOf)));
  });
});
