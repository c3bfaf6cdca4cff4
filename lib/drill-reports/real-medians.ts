import type { Prisma } from "../db/generated/client.ts";
import { median, type MetricTimes } from "./score-compare.ts";

/**
 * The organisation's real incidents (drillId null: practice never skews the baseline), as
 * medians in ms of what they share with a drill: acknowledging (MTTA, from detection or the
 * start, as Insights reads it), the first impact a person set, the first stakeholder update.
 * Severity, telling every team and naming the cause have no comparable record on real incidents.
 */
export async function realIncidentMedians(
  tx: Prisma.TransactionClient,
  organizationId: string,
): Promise<{ times: MetricTimes; count: number }> {
  const real = { organizationId, drillId: null } satisfies Prisma.IncidentWhereInput;
  const [incidents, impacts, updates] = await Promise.all([
    tx.incident.findMany({ where: real, select: { id: true, startedAt: true, detectedAt: true, acknowledgedAt: true } }),
    tx.incidentImpactChange.groupBy({
      by: ["incidentId"],
      where: { incident: real, estimated: false, authorId: { not: null } },
      _min: { recordedAt: true },
    }),
    tx.stakeholderUpdate.groupBy({ by: ["incidentId"], where: { incident: real, authorId: { not: null } }, _min: { createdAt: true } }),
  ]);
  const startOf = new Map(incidents.map((i) => [i.id, i.startedAt.getTime()]));
  const since = (incidentId: string, at: Date | null | undefined) => {
    const start = startOf.get(incidentId);
    return start === undefined || !at ? [] : [Math.max(0, at.getTime() - start)];
  };
  return {
    count: incidents.length,
    times: {
      acknowledge: median(
        incidents.flatMap((i) =>
          i.acknowledgedAt ? [Math.max(0, i.acknowledgedAt.getTime() - (i.detectedAt ?? i.startedAt).getTime())] : [],
        ),
      ),
      impact: median(impacts.flatMap((g) => since(g.incidentId, g._min.recordedAt))),
      firstUpdate: median(updates.flatMap((g) => since(g.incidentId, g._min.createdAt))),
    },
  };
}
