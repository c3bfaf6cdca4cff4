import { db } from "../db/client.ts";

/** Each incident's promised next stakeholder update (from its latest update), for the triage board. */
export async function latestDueByIncident(organizationId: string, incidentIds: string[]): Promise<Map<string, string | null>> {
  if (!incidentIds.length) return new Map();
  const rows = await db().stakeholderUpdate.findMany({
    where: { organizationId, incidentId: { in: incidentIds } },
    orderBy: [{ incidentId: "asc" }, { createdAt: "desc" }, { eventSeq: "desc" }],
    distinct: ["incidentId"],
    select: { incidentId: true, nextUpdateBy: true },
  });
  return new Map(rows.map((r) => [r.incidentId, r.nextUpdateBy?.toISOString() ?? null]));
}
