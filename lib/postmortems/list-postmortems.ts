import { drillCondition } from "../incident-record/include-drills.ts";
import { assertCan, type Actor } from "../auth/actor.ts";
import { can } from "../auth/permissions.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { forbidden } from "../errors/app-error.ts";
import { loadImpact } from "../impact/load-impact.ts";
import { ZLibraryFilters, type LibraryFilters } from "./library-filters.ts";
import type { PostmortemListDto } from "./postmortem-list-dto.ts";
import { searchPostmortemIds } from "./search-postmortems.ts";

const LIMIT = 200;

const endOfDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000);

/** The Prisma filter for everything but the text search; the organisation scope comes first. */
function whereOf(actor: Actor, f: LibraryFilters, status: PostmortemListDto["status"]): Prisma.PostmortemWhereInput {
  const incident: Prisma.IncidentWhereInput = {
    ...drillCondition(f.drills),
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.from || f.to
      ? { startedAt: { ...(f.from ? { gte: new Date(`${f.from}T00:00:00.000Z`) } : {}), ...(f.to ? { lt: endOfDay(f.to) } : {}) } }
      : {}),
  };
  const and: Prisma.IncidentWhereInput[] = [];
  if (f.serviceId) and.push({ services: { some: { serviceId: f.serviceId } } });
  // A team's post-mortems: incidents that impacted a service the team owns.
  if (f.teamId) and.push({ services: { some: { service: { teamId: f.teamId } } } });
  // A journey's: incidents whose impact history degraded it at some point.
  if (f.journey) and.push({ impactChanges: { some: { journey: f.journey, degradation: { gt: 0 } } } });
  return {
    organizationId: actor.organizationId,
    ...(status === "all" ? {} : { status }),
    incident: { ...incident, ...(and.length ? { AND: and } : {}) },
  };
}

/**
 * The post-mortem library: published ones by default, newest first. Writers may also list drafts
 * and ones in review; a viewer reads only what was published.
 */
export async function listPostmortems(actor: Actor, query: unknown, now = new Date()): Promise<PostmortemListDto> {
  assertCan(actor, "incident:read");
  const filters = ZLibraryFilters.parse(query);
  const status = filters.status ?? "published";
  if (status !== "published" && !can(actor.role, "postmortem:write")) throw forbidden("Viewers read published post-mortems only");
  const where = whereOf(actor, filters, status);
  if (filters.q) where.id = { in: await searchPostmortemIds(db(), actor.organizationId, filters.q) };

  const rows = await db().postmortem.findMany({
    where,
    select: {
      id: true,
      title: true,
      status: true,
      publishedAt: true,
      publishedRevision: true,
      updatedAt: true,
      revisions: { select: { number: true, title: true } },
      incident: {
        select: {
          id: true,
          number: true,
          title: true,
          severity: true,
          startedAt: true,
          resolvedAt: true,
          services: { select: { service: { select: { id: true, name: true } } }, orderBy: { service: { name: "asc" } } },
        },
      },
      _count: { select: { actionItems: { where: { status: { in: ["open", "in_progress"] } } } } },
    },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }],
    take: LIMIT,
  });
  const [impacts, org] = await Promise.all([
    rows.length ? loadImpact(actor.organizationId, { id: { in: rows.map((r) => r.incident.id) } }, now) : Promise.resolve([]),
    db().organization.findUnique({ where: { id: actor.organizationId }, select: { currency: true } }),
  ]);
  const lossByIncident = new Map(impacts.map((i) => [i.incident.id, i.impact.lossSoFar.revenue]));

  return {
    status,
    currency: org?.currency ?? "USD",
    postmortems: rows.map((r) => {
      // The library shows what readers were given: the title frozen in the latest published revision.
      const published = r.revisions.find((rev) => rev.number === r.publishedRevision);
      const { incident } = r;
      return {
        id: r.id,
        title: published?.title ?? r.title,
        status: r.status,
        publishedAt: r.publishedAt?.toISOString() ?? null,
        publishedRevision: r.publishedRevision,
        incident: {
          id: incident.id,
          ref: `INC-${incident.number}`,
          title: incident.title,
          severity: incident.severity,
          startedAt: incident.startedAt.toISOString(),
          resolvedAt: incident.resolvedAt?.toISOString() ?? null,
        },
        durationMs: incident.resolvedAt ? incident.resolvedAt.getTime() - incident.startedAt.getTime() : null,
        loss: lossByIncident.get(incident.id) ?? 0,
        services: incident.services.map((s) => s.service),
        openFollowUps: r._count.actionItems,
      };
    }),
  };
}
