// Client-safe: what GET /api/drills/{id}/report and POST /api/drills/{id}/end answer.
import type { DrillDto } from "../drill-dto.ts";
import type { DrillReport } from "./report-types.ts";

type ReportedIncident = Pick<NonNullable<DrillDto["incident"]>, "id" | "ref" | "title"> & { postmortemId: string | null };

export interface DrillReportDto {
  /** The drill as listed (DrillDto), with its incident's post-mortem instead of the incident's status. */
  drill: Pick<DrillDto, "id" | "scenarioKey" | "scenarioName" | "speed" | "status" | "startedAt" | "endedAt" | "startedBy"> & {
    incident: ReportedIncident | null;
  };
  /** Null until the drill is finished (a running or cancelled drill has no score). */
  report: DrillReport | null;
}
