import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "../incident-record/schemas.ts";
import { pageSelect, toPageDto, type PageDto } from "./page-dto.ts";

/** The pages of an incident and which of its organisation's teams can be paged. */
export async function listIncidentPages(actor: Actor, incidentId: string): Promise<{ pages: PageDto[]; pageableTeamIds: string[] }> {
  assertCan(actor, "incident:read");
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  const incident = await db().incident.findFirst({ where: { id: incidentId, organizationId: actor.organizationId }, select: { id: true } });
  if (!incident) throw notFound("Incident");
  const [pages, routes] = await Promise.all([
    db().page.findMany({ where: { incidentId: incident.id }, select: pageSelect, orderBy: { pagedAt: "asc" } }),
    db().pagingRoute.findMany({ where: { organizationId: actor.organizationId, channel: { isEnabled: true } }, select: { teamId: true } }),
  ]);
  return { pages: pages.map(toPageDto), pageableTeamIds: routes.map((r) => r.teamId) };
}
