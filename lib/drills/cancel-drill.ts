import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { incidentSelect, toIncidentDto } from "../incident-record/incident-dto.ts";
import { publishIncidentUpdated, publishTimelineEvent } from "../realtime/emit.ts";
import { appendEvent } from "../timeline/append-event.ts";
import { drillSelect, toDrillDto, type DrillDto } from "./drill-dto.ts";
import { ZDrillId } from "./schemas.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";

/**
 * Stops a running drill: no more steps, and its practice incident is resolved so it leaves the
 * triage board. A cancelled drill gets no report (ending one with a report is lib/drills/end-drill.ts).
 */
export async function cancelDrill(actor: Actor, drillId: string, now: Date = new Date()): Promise<DrillDto> {
  assertCan(actor, "drill:run");
  if (!ZDrillId.safeParse(drillId).success) throw notFound("Drill");
  const result = await db().$transaction(async (tx) => {
    // Locked, scoped to the actor's organisation: the player or a second cancel waits here.
    const locked = await tx.$queryRaw<{ id: string; status: string }[]>`
        SELECT id, status::text AS status FROM "Drill" WHERE id = ${drillId}::uuid AND "organizationId" = ${actor.organizationId}::uuid FOR UPDATE`;
    const row = locked[0];
    if (!row) throw notFound("Drill");
    if (row.status !== "running") throw new AppError("conflict", `This drill is already ${row.status}`);
    const before = toDrillDto(await tx.drill.findUniqueOrThrow({ where: { id: drillId }, select: drillSelect }));
    await tx.drill.update({ where: { id: drillId }, data: { status: "cancelled", endedAt: now, nextStepAt: null, leaseUntil: null } });
    const incident = await tx.incident.findUnique({ where: { drillId }, select: { id: true, status: true } });
    const events = [];
    if (incident && incident.status !== "resolved") {
      await tx.incident.update({ where: { id: incident.id }, data: { status: "resolved", resolvedAt: now } });
      events.push(
        await appendEvent(tx, {
          incidentId: incident.id,
          kind: "status_change",
          body: `DRILL cancelled by ${actor.name} after step ${before.stepsPlayed} of ${before.stepCount} · practice incident resolved`,
          authorId: actor.userId,
          occurredAt: now,
          data: { field: "status", from: incident.status, to: "resolved", drill: { drillId, step: null, type: "cancel" } },
        }),
      );
    }
    const after = toDrillDto(await tx.drill.findUniqueOrThrow({ where: { id: drillId }, select: drillSelect }));
    await recordAudit(tx, actor, { action: "drill.cancel", entityType: "Drill", entityId: drillId, before, after });
    const dto = incident
      ? toIncidentDto(await tx.incident.findUniqueOrThrow({ where: { id: incident.id }, select: incidentSelect }))
      : null;
    return { drill: after, events, incident: dto };
  }, TX_OPTIONS);
  for (const e of result.events) publishTimelineEvent(e);
  if (result.incident) publishIncidentUpdated(actor.organizationId, result.incident);
  return result.drill;
}
