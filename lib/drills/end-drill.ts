import { assertCan, type Actor } from "../auth/actor.ts";
import { assertId } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { db } from "../db/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { updateIncident } from "../incidents/update-incident.ts";
import type { DrillReportDto } from "../drill-reports/drill-report-dto.ts";
import { finishDrillInTx } from "../drill-reports/finish-drill.ts";
import { getDrillReport } from "../drill-reports/get-drill-report.ts";

/**
 * Ends a drill (ADMIN, COMMANDER) and scores it. An unresolved practice incident is resolved
 * through the one status path (updateIncident), whose hook finishes the drill and stores the report
 * in that same transaction; otherwise the drill is finished on its own. Ending a finished drill
 * answers its report again; a cancelled drill cannot be ended (409).
 */
export async function endDrill(actor: Actor, drillId: string): Promise<DrillReportDto> {
  assertCan(actor, "drill:run");
  assertId(drillId, "Drill");
  const drill = await db().drill.findFirst({
    where: { id: drillId, organizationId: actor.organizationId },
    select: { status: true, incident: { select: { id: true, status: true } } },
  });
  if (!drill) throw notFound("Drill");
  if (drill.status === "cancelled") throw new AppError("conflict", "This drill was cancelled; a cancelled drill cannot be ended or scored");
  if (drill.status === "running") {
    if (drill.incident && drill.incident.status !== "resolved") await updateIncident(actor, drill.incident.id, { status: "resolved" });
    // Resolved already (or no incident): finish it here. A no-op when the resolution just did.
    await db().$transaction((tx) => finishDrillInTx(tx, { organizationId: actor.organizationId, actor }, drillId, new Date()), TX_OPTIONS);
  }
  return getDrillReport(actor, drillId);
}
