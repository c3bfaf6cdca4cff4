// Client-safe: what GET /api/drills/{id}/report and POST /api/drills/{id}/end answer.
import type { DrillReport } from "./report-types.ts";

export interface DrillReportDto {
  // Restates part of lib/drills' DrillDto on purpose: drill reports sit below drills in lib/'s
  // layers (drills end by scoring), so they cannot import its types.
  drill: {
    id: string;
    scenarioKey: string;
    scenarioName: string;
    speed: number;
    status: "running" | "finished" | "cancelled";
    startedAt: string;
    endedAt: string | null;
    startedBy: { id: string; name: string } | null;
    incident: { id: string; ref: string; title: string; postmortemId: string | null } | null;
  };
  /** Null until the drill is finished (a running or cancelled drill has no score). */
  report: DrillReport | null;
}
