import { JOURNEYS, JOURNEY_LABELS, type JourneyName } from "../catalog/constants.ts";
import { db } from "../db/client.ts";
import type { IncidentStatus } from "../db/generated/client.ts";
import { CUSTOMER_STATUS_LABELS, CUSTOMER_STATUS_RANK, worstStatus, type CustomerStatusName } from "../stakeholder/constants.ts";
import { readJourneyStatus } from "../stakeholder/stakeholder-dto.ts";
import { STATUS_CACHE_MS, type PublicIncidentDto, type PublicStatusDto } from "./public-status-dto.ts";

export const RESOLVED_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_UPDATES_PER_INCIDENT = 50;

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
 * or null when there is none. Reads only public updates; no session, so no actor: what it
 * returns is exactly what anyone on the internet may read.
 */
export async function loadPublicStatus(slug: string | null, now = new Date()): Promise<PublicStatusDto | null> {
  const org = slug
    ? await db().organization.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, timeZone: true } })
    : await db().organization.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true, name: true, slug: true, timeZone: true } });
  if (!org) return null;
  const since = new Date(now.getTime() - RESOLVED_WINDOW_MS);
  const incidents = await db().incident.findMany({
    where: {
      organizationId: org.id,
      // A drill's practice updates never reach customers, whatever the responders ticked.
      drillId: null,
      stakeholderUpdates: { some: { isPublic: true } },
      OR: [{ status: { not: "resolved" } }, { resolvedAt: { gte: since } }],
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
  const all = incidents.map(toPublic);
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

const cache = new Map<string, { expires: number; value: Promise<PublicStatusDto | null> }>();

/** loadPublicStatus, shared for a few seconds per organisation (the page and the API use it). */
export function getPublicStatus(slug: string | null): Promise<PublicStatusDto | null> {
  const key = slug ?? "";
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value;
  const value = loadPublicStatus(slug);
  cache.set(key, { expires: now + STATUS_CACHE_MS, value });
  // A failed read is not cached: the next visitor tries again.
  value.catch(() => cache.delete(key));
  if (cache.size > 1000) for (const [k, v] of cache) if (v.expires <= now) cache.delete(k);
  return value;
}
