import { db } from "../db/client.ts";
import type { FinishedDrillInvolvement } from "./last-drill.ts";

/** The organisation's finished drills, newest first, with the services and teams each involved. */
export async function loadDrillInvolvements(organizationId: string): Promise<FinishedDrillInvolvement[]> {
  const rows = await db().drill.findMany({
    where: { organizationId, status: "finished", endedAt: { not: null } },
    orderBy: { endedAt: "desc" },
    // A board needs the latest per service; a few hundred drills cover any catalog.
    take: 300,
    select: {
      id: true,
      endedAt: true,
      failingServiceId: true,
      incident: {
        select: {
          services: { select: { serviceId: true } },
          events: { where: { kind: "notification", struckAt: null }, select: { data: true } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    endedAt: r.endedAt as Date,
    serviceIds: [
      ...new Set([...(r.failingServiceId ? [r.failingServiceId] : []), ...(r.incident?.services.map((s) => s.serviceId) ?? [])]),
    ],
    toldTeamIds: (r.incident?.events ?? []).flatMap((e) => {
      const teamId = (e.data as { teamId?: unknown } | null)?.teamId;
      return typeof teamId === "string" ? [teamId] : [];
    }),
  }));
}
