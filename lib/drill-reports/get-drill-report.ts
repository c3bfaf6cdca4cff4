import { assertCan, type Actor } from "../auth/actor.ts";
import { assertId } from "../errors/field-errors.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import type { DrillReportDto } from "./drill-report-dto.ts";
import type { DrillReport } from "./report-types.ts";

/** A drill and its stored report, for anyone of the organisation (another organisation's is a 404). */
export async function getDrillReport(actor: Actor, drillId: string): Promise<DrillReportDto> {
  assertCan(actor, "incident:read");
  assertId(drillId, "Drill");
  const drill = await db().drill.findFirst({
    where: { id: drillId, organizationId: actor.organizationId },
    select: {
      id: true,
      scenarioKey: true,
      scenarioName: true,
      speed: true,
      status: true,
      startedAt: true,
      endedAt: true,
      report: true,
      startedBy: { select: { id: true, name: true } },
      incident: { select: { id: true, number: true, title: true, postmortem: { select: { id: true } } } },
    },
  });
  if (!drill) throw notFound("Drill");
  const { incident } = drill;
  return {
    drill: {
      id: drill.id,
      scenarioKey: drill.scenarioKey,
      scenarioName: drill.scenarioName,
      speed: drill.speed,
      status: drill.status,
      startedAt: drill.startedAt.toISOString(),
      endedAt: drill.endedAt?.toISOString() ?? null,
      startedBy: drill.startedBy,
      incident: incident
        ? { id: incident.id, ref: `INC-${incident.number}`, title: incident.title, postmortemId: incident.postmortem?.id ?? null }
        : null,
    },
    report: drill.status === "finished" ? ((drill.report as unknown as DrillReport | null) ?? null) : null,
  };
}
