import { JOURNEYS, JOURNEY_LABELS, type JourneyName } from "../vocabulary/catalog.ts";
import { db } from "../db/client.ts";
import type { IncidentStatus } from "../db/generated/client.ts";
import { CUSTOMER_STATUS_LABELS, CUSTOMER_STATUS_RANK, worstStatus, type CustomerStatusName } from "../stakeholder/constants.ts";
import { readJourneyStatus } from "../stakeholder/stakeholder-dto.ts";
import { autoHeadline, journeysFromImpact } from "./auto-impact.ts";
import { type PublicIncidentDto, type PublicStatusDto } from "./public-status-dto.ts";

export const RESOLVED_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_UPDATES_PER_INCIDENT = 50;
const MAX_IMPACT_ROWS = 500;
const ORG_FIELDS = { id: true, name: true, slug: true, timeZone: true, statusAutoImpact: true } as const;

const STAGE: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  mitigating: "Fix in progress",
  monitoring: "Monitoring",
  resolved: "Resolved",
};

function overallLabel(status: CustomerStatusName, active: number): string {
  if (status !== "operational") return CUSTOMER_STATUS_LABELS[status];
  return active ? "We are looking into an issue" : "All systems operational";
}

/**
 * The public status of one organisation (by slug; without one, the first organisation created),
 * or null when there is none. Reads only public updates (and, when the organisation turned
 * statusAutoImpact on, which journeys open incidents' impact marks degraded, in generic words);
 * never drills; no session, so no actor: what it returns is exactly what anyone may read.
 */
export async function loadPublicStatus(slug: string | null, now = new Date()): Promise<PublicStatusDto | null> {
  const org = slug
    ? await db().organization.findUnique({ where: { slug }, select: ORG_FIELDS })
    : await db().organization.findFirst({ orderBy: { createdAt: "asc" }, select: ORG_FIELDS });
  if (!org) return null;
  const since = new Date(now.getTime() - RESOLVED_WINDOW_MS);
  const published = {
    stakeholderUpdates: { some: { isPublic: true } },
    OR: [{ status: { not: "resolved" as const } }, { resolvedAt: { gte: since } }],
  };
  // With the setting on, an open incident whose impact marks a journey shows without an update.
  const impacted = { status: { not: "resolved" as const }, impactChanges: { some: { degradation: { gt: 0 } } } };
  const incidents = await db().incident.findMany({
    where: {
      organizationId: org.id,
      // A drill's practice updates never reach customers, whatever the responders ticked.
      drillId: null,
      OR: org.statusAutoImpact ? [published, impacted] : [published],
    },
    orderBy: { startedAt: "desc" },
    take: 100,
    select: {
      status: true,
      customerStatus: true,
      startedAt: true,
      resolvedAt: true,
      stakeholderUpdates: {
        where: { isPublic: true },
        orderBy: [{ createdAt: "desc" }, { eventSeq: "desc" }],
        take: MAX_UPDATES_PER_INCIDENT,
        select: { id: true, affected: true, doing: true, nextUpdateBy: true, journeyStatus: true, createdAt: true },
      },
      impactChanges: org.statusAutoImpact
        ? {
            orderBy: [{ eventSeq: "asc" }, { recordedAt: "asc" }],
            take: MAX_IMPACT_ROWS,
            select: { journey: true, degradation: true, effectiveAt: true },
          }
        : false,
    },
  });

  const toPublic = (i: (typeof incidents)[number]): PublicIncidentDto => {
    const updates = i.stakeholderUpdates.map((u) => ({
      at: u.createdAt.toISOString(),
      affected: u.affected,
      doing: u.doing,
      nextUpdateBy: u.nextUpdateBy?.toISOString() ?? null,
      journeyStatus: readJourneyStatus(u.journeyStatus),
    }));
    const latest = updates[0];
    const isResolved = i.status === "resolved";
    // A published update is what a person chose to say; the impact speaks only before one.
    if (!latest) {
      const journeys = journeysFromImpact(i.impactChanges ?? []);
      return {
        key: `auto-${i.startedAt.toISOString()}`,
        headline: autoHeadline(journeys.map((j) => j.journey)),
        isResolved,
        stage: STAGE[i.status],
        startedAt: i.startedAt.toISOString(),
        resolvedAt: i.resolvedAt?.toISOString() ?? null,
        journeys,
        updates: [],
      };
    }
    return {
      key: i.stakeholderUpdates.at(-1)?.id ?? "",
      headline: i.customerStatus.trim() || latest?.affected || "Service disruption",
      isResolved,
      stage: STAGE[i.status],
      startedAt: i.startedAt.toISOString(),
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
      journeys: Object.entries(latest?.journeyStatus ?? {})
        .map(([journey, status]) => ({ journey: journey as JourneyName, status }))
        .sort((a, b) => CUSTOMER_STATUS_RANK[b.status] - CUSTOMER_STATUS_RANK[a.status]),
      updates,
    };
  };
  // An impact set back to 0 % everywhere leaves nothing to say.
  const all = incidents.map(toPublic).filter((i) => i.updates.length > 0 || i.journeys.length > 0);
  const active = all.filter((i) => !i.isResolved);
  const resolved = all.filter((i) => i.isResolved).sort((a, b) => (b.resolvedAt ?? "").localeCompare(a.resolvedAt ?? ""));

  // Each journey: the worst status any open incident's latest public update gives it.
  const journeys = JOURNEYS.map((journey) => {
    const status = worstStatus(active.flatMap((i) => i.journeys.filter((j) => j.journey === journey).map((j) => j.status)));
    return { journey, label: JOURNEY_LABELS[journey], status };
  });
  const overall = worstStatus(journeys.map((j) => j.status));
  return {
    organization: { name: org.name, slug: org.slug, timeZone: org.timeZone },
    generatedAt: now.toISOString(),
    overall: { status: overall, label: overallLabel(overall, active.length) },
    journeys,
    activeIncidents: active,
    resolvedIncidents: resolved,
  };
}
