import { db } from "../db/client.ts";

export async function readIntegrationStats(ids: string[]): Promise<Map<string, { keys: number; received: number }>> {
  if (!ids.length) return new Map();
  const [rows, answers] = await Promise.all([
    db().integrationAlert.groupBy({
      by: ["integrationId"],
      where: { integrationId: { in: ids } },
      _count: { _all: true },
      _sum: { count: true },
    }),
    // Survey integrations store answers, not alerts: each distinct answer is a key and was received.
    db().customerSignal.groupBy({ by: ["integrationId"], where: { integrationId: { in: ids } }, _count: { _all: true } }),
  ]);
  const stats = new Map(rows.map((r) => [r.integrationId, { keys: r._count._all, received: r._sum.count ?? 0 }]));
  for (const a of answers) stats.set(a.integrationId, { keys: a._count._all, received: a._count._all });
  return stats;
}
