import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Prisma } from "../db/generated/client.ts";
import { buildDrillReport } from "./build-report.ts";

export interface FinishedDrill {
  id: string;
  incidentId: string | null;
  status: "finished";
  endedAt: string;
}

/**
 * Inside the caller's transaction: marks a running drill finished at `endedAt`, scores it and
 * stores the report, with its audit row. Locks the drill row first, so two ends (a click and the
 * incident's resolution) finish it once. Returns null when the drill was not running (already
 * finished, or cancelled): ending is idempotent and never revives a cancelled drill.
 */
export async function finishDrillInTx(
  tx: Prisma.TransactionClient,
  who: { organizationId: string; actor: Actor | null },
  drillId: string,
  endedAt: Date,
): Promise<FinishedDrill | null> {
  await tx.$queryRaw`SELECT id FROM "Drill" WHERE id = ${drillId}::uuid AND "organizationId" = ${who.organizationId}::uuid FOR UPDATE`;
  const drill = await tx.drill.findFirst({
    where: { id: drillId, organizationId: who.organizationId },
    select: {
      id: true,
      organizationId: true,
      scenarioKey: true,
      speed: true,
      startedAt: true,
      failingServiceId: true,
      status: true,
      incident: { select: { id: true } },
    },
  });
  if (!drill || drill.status !== "running") return null;
  const report = await buildDrillReport(tx, drill, endedAt);
  await tx.drill.update({
    where: { id: drill.id },
    data: { status: "finished", endedAt, nextStepAt: null, leaseUntil: null, report: report as unknown as Prisma.InputJsonValue },
  });
  if (who.actor) {
    await recordAudit(tx, who.actor, {
      action: "drill.end",
      entityType: "Drill",
      entityId: drill.id,
      before: { status: "running" },
      after: {
        status: "finished",
        endedAt: endedAt.toISOString(),
        metrics: report.metrics.map((m) => ({ key: m.key, drillMs: m.drillMs })),
      },
    });
  }
  return { id: drill.id, incidentId: drill.incident?.id ?? null, status: "finished", endedAt: endedAt.toISOString() };
}

/** The hook where an incident's resolution commits: a practice incident resolved ends its drill. */
export async function finishDrillOfResolvedIncident(
  tx: Prisma.TransactionClient,
  actor: Actor,
  incidentId: string,
  resolvedAt: Date,
): Promise<FinishedDrill | null> {
  const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { drillId: true } });
  return incident?.drillId ? finishDrillInTx(tx, { organizationId: actor.organizationId, actor }, incident.drillId, resolvedAt) : null;
}
