import type { JourneyName } from "../vocabulary/catalog.ts";
import type { Prisma } from "../db/generated/client.ts";
import { appendEvent } from "../timeline/append-event.ts";
import { DEMO_PAST_INCIDENTS, type DemoActionItem, type DemoPastIncident, type DemoRole } from "./demo-history-content.ts";

type Tx = Prisma.TransactionClient;

interface HistoryIds {
  organizationId: string;
  users: Map<string, string>;
  teams: Map<string, string>;
  services: Map<string, string>;
  /** The first number to give out: INC-1 stays the live demo incident. */
  firstNumber: number;
  now: Date;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

const utcDay = (ms: number) => new Date(`${new Date(ms).toISOString().slice(0, 10)}T00:00:00.000Z`);

function ownerOf(item: DemoActionItem, ids: HistoryIds): { ownerUserId: string | null; ownerTeamId: string | null } {
  if (!item.owner) return { ownerUserId: null, ownerTeamId: null };
  if ("team" in item.owner) return { ownerUserId: null, ownerTeamId: ids.teams.get(item.owner.team) ?? null };
  return { ownerUserId: ids.users.get(item.owner.role satisfies DemoRole) ?? null, ownerTeamId: null };
}

async function seedPastIncident(tx: Tx, ids: HistoryIds, past: DemoPastIncident, number: number): Promise<void> {
  const commander = ids.users.get("COMMANDER") ?? null;
  const responder = ids.users.get("RESPONDER") ?? null;
  const startedAt = new Date(ids.now.getTime() - past.daysAgo * DAY);
  const at = (minutes: number) => new Date(startedAt.getTime() + minutes * MINUTE);
  const incident = await tx.incident.create({
    data: {
      organizationId: ids.organizationId,
      number,
      title: past.title,
      summary: past.summary,
      severity: past.severity,
      status: "resolved",
      commanderId: commander,
      declaredById: commander,
      startedAt,
      detectedAt: at(past.minutes.detected),
      acknowledgedAt: at(past.minutes.acknowledged),
      mitigatedAt: at(past.minutes.mitigated),
      resolvedAt: at(past.minutes.resolved),
      createdAt: at(past.minutes.acknowledged),
    },
  });
  for (const name of past.services) {
    const serviceId = ids.services.get(name);
    if (!serviceId) throw new Error(`Demo incident "${past.title}" names unknown service ${name}`);
    await tx.incidentService.create({ data: { incidentId: incident.id, serviceId, addedAt: at(past.minutes.acknowledged) } });
  }
  const log = (
    kind: "alert" | "status_change" | "note" | "impact_change",
    body: string,
    minute: number,
    authorId: string | null,
    data?: Record<string, unknown>,
  ) =>
    appendEvent(tx, {
      incidentId: incident.id,
      kind,
      body,
      data,
      authorId,
      occurredAt: at(minute),
      recordedAt: at(Math.max(minute, past.minutes.acknowledged)),
    });
  await log("alert", past.summary, past.minutes.detected, null);
  await log(
    "status_change",
    `Declared ${past.severity} · investigating · Casey Commander is incident commander`,
    past.minutes.acknowledged,
    commander,
  );
  for (const step of past.impact) {
    const changes = (Object.entries(step.journeys) as [JourneyName, number][]).map(([journey, degradation]) => ({
      journey,
      degradation,
      since: at(step.at).toISOString(),
    }));
    const event = await log(
      "impact_change",
      `Impact: ${changes.map((c) => `${c.journey.replace("_", " ")} ${c.degradation}%`).join(", ")}`,
      step.at,
      responder,
      { field: "impact", changes, note: null },
    );
    await tx.incidentImpactChange.createMany({
      data: changes.map((c) => ({
        incidentId: incident.id,
        journey: c.journey,
        degradation: c.degradation,
        effectiveAt: at(step.at),
        authorId: responder,
        eventSeq: event.seq,
        recordedAt: new Date(event.recordedAt),
      })),
    });
  }
  await log("status_change", "Status: monitoring → resolved", past.minutes.resolved, commander, {
    field: "status",
    from: "monitoring",
    to: "resolved",
  });

  const isPublished = past.postmortem.status === "published";
  const publishedAt = at(past.minutes.resolved + 3 * 24 * 60);
  const postmortem = await tx.postmortem.create({
    data: {
      organizationId: ids.organizationId,
      incidentId: incident.id,
      title: past.postmortem.title,
      status: past.postmortem.status,
      templateKey: "builtin:full",
      // Imported history, not drafted from a live record: no fact sheet (see postmortem-dto.ts).
      facts: {},
      createdById: commander,
      publishedRevision: isPublished ? 1 : 0,
      publishedAt: isPublished ? publishedAt : null,
      createdAt: at(past.minutes.resolved + 60),
      sections: {
        create: past.postmortem.sections.map((s, position) => ({
          key: s.key,
          title: s.title,
          body: s.body,
          position,
          updatedById: commander,
          updatedAt: publishedAt,
        })),
      },
    },
  });
  if (isPublished) {
    await tx.postmortemRevision.create({
      data: {
        postmortemId: postmortem.id,
        number: 1,
        title: past.postmortem.title,
        sections: past.postmortem.sections,
        publishedById: commander,
        publishedAt,
      },
    });
  }
  for (const [i, item] of past.actionItems.entries()) {
    const createdAt = at(past.minutes.resolved + 24 * 60 + i);
    await tx.actionItem.create({
      data: {
        organizationId: ids.organizationId,
        postmortemId: postmortem.id,
        title: item.title,
        ...ownerOf(item, ids),
        dueDate: item.dueInDays === null ? null : utcDay(ids.now.getTime() + item.dueInDays * DAY),
        priority: item.priority,
        status: item.status,
        ticketUrl: item.ticket ?? null,
        completedAt: item.status === "done" ? new Date(Math.min(ids.now.getTime(), createdAt.getTime() + 7 * DAY)) : null,
        createdAt,
      },
    });
  }
}

/**
 * Resolved incidents of the last eight weeks with impact history, post-mortems (all but the newest
 * published) and their follow-ups, so the library, follow-ups and insights pages have something to
 * show from the first start. Runs inside the demo seed's transaction and lock.
 */
export async function seedDemoHistory(tx: Tx, ids: HistoryIds): Promise<number> {
  let number = ids.firstNumber;
  for (const past of DEMO_PAST_INCIDENTS) await seedPastIncident(tx, ids, past, number++);
  const last = number - 1;
  await tx.organization.update({ where: { id: ids.organizationId }, data: { lastIncidentNumber: last } });
  return last;
}
