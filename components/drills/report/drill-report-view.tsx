import Link from "next/link";
import { Timestamp } from "@/components/time/timestamp.tsx";
import { TARGETS_MS } from "@/lib/drill-reports/draft-lessons.ts";
import type { DrillReportDto } from "@/lib/drill-reports/drill-report-dto.ts";
import { formatDrillDuration } from "@/lib/drill-reports/format-duration.ts";
import type { DrillReport } from "@/lib/drill-reports/report-types.ts";
import { formatMoney } from "@/lib/impact/format.ts";
import { EndDrillButton } from "./end-drill-button.tsx";
import { LessonsSection } from "./lessons-section.tsx";
import { MetricsTable } from "./metrics-table.tsx";
import { TeamsTold } from "./teams-told.tsx";

function Tile({ label, value, note, tone = "" }: { label: string; value: string; note: string; tone?: string }) {
  return (
    <div className="rounded-md border border-line bg-surface p-3">
      <p className="text-xs uppercase tracking-wide text-ink-muted">{label}</p>
      <p className={`text-xl font-semibold tabular ${tone}`}>{value}</p>
      <p className="text-xs text-ink-faint">{note}</p>
    </div>
  );
}

/** The four numbers leadership reads first. */
function Summary({ report }: { report: DrillReport }) {
  const inTime = report.metrics.filter((m) => m.drillMs !== null && m.drillMs <= TARGETS_MS[m.key]).length;
  const untold = report.teams.filter((t) => t.toldAt === null);
  const identify = report.metrics.find((m) => m.key === "identify");
  return (
    <section aria-label="Summary" className="grid grid-cols-2 gap-2 lg:grid-cols-4" data-testid="drill-summary">
      <Tile
        label="Simulated loss"
        value={formatMoney(report.loss.drill.revenue, report.loss.currency)}
        note={`over ${formatDrillDuration(report.drillDurationMs)} of scenario`}
      />
      <Tile
        label="Steps in time"
        value={`${inTime} of ${report.metrics.length}`}
        note="against the targets below"
        tone={inTime === report.metrics.length ? "text-ok" : "text-warn"}
      />
      <Tile
        label="Teams never told"
        value={String(untold.length)}
        note={untold.length ? untold.map((t) => t.name).join(", ") : `all ${report.teams.length} in the blast radius told`}
        tone={untold.length ? "text-bad" : "text-ok"}
      />
      <Tile
        label="Failing service named"
        value={identify?.drillMs != null ? formatDrillDuration(identify.drillMs) : "not done"}
        note={report.failingService?.name ?? "no failing service on record"}
        tone={identify?.drillMs != null ? "" : "text-bad"}
      />
    </section>
  );
}

export function DrillReportView({ data, canEnd, canCreateActions }: { data: DrillReportDto; canEnd: boolean; canCreateActions: boolean }) {
  const { drill, report } = data;
  return (
    <main className="mx-auto w-full min-w-0 max-w-[1200px] space-y-6 p-4 sm:p-6 print:text-black">
      <header className="space-y-1">
        <p className="text-sm">
          <span className="rounded border border-warn px-1.5 py-0.5 text-xs font-semibold tracking-wide text-warn">DRILL</span>{" "}
          <Link href="/drills" className="text-ink-muted hover:underline">
            Drills
          </Link>
        </p>
        <h1 className="text-xl font-semibold break-words">Drill report: {drill.scenarioName}</h1>
        <p className="text-sm text-ink-muted">
          Started <Timestamp iso={drill.startedAt} withDate />
          {drill.startedBy ? ` by ${drill.startedBy.name}` : ""} · speed ×{drill.speed}
          {report
            ? ` · ${formatDrillDuration(report.wallDurationMs)} wall = ${formatDrillDuration(report.drillDurationMs)} of scenario`
            : ""}
          {drill.incident ? (
            <>
              {" · practice incident "}
              <Link href={`/incidents/${drill.incident.id}`} className="underline-offset-2 hover:underline">
                {drill.incident.ref}
              </Link>
            </>
          ) : null}
        </p>
      </header>

      {drill.status === "running" ? (
        <section className="space-y-3 rounded-md border border-line bg-surface p-4 text-sm">
          <p>This drill is still running: the report is written when it ends (End drill, or resolving the practice incident).</p>
          {canEnd ? <EndDrillButton drillId={drill.id} /> : <p className="text-ink-muted">An admin or commander ends it.</p>}
        </section>
      ) : null}
      {drill.status === "cancelled" ? (
        <p className="rounded-md border border-line bg-surface p-4 text-sm">This drill was cancelled; a cancelled drill is not scored.</p>
      ) : null}

      {report ? (
        <>
          <Summary report={report} />
          <section aria-labelledby="drill-times" className="space-y-2">
            <h2 id="drill-times" className="text-base font-semibold">
              Time to each step
            </h2>
            <p className="text-xs text-ink-muted">
              From the drill&apos;s start, in <strong>scenario time</strong> (wall time × {report.speed})
              {report.speed !== 1 ? "; wall time below each" : ""}. Real incidents: medians of {report.comparison.realIncidentsCompared}{" "}
              real incidents (drills never count); – where they keep no comparable record. Earlier drills compared:{" "}
              {report.comparison.drillsCompared}
              {report.comparison.previousDrill ? (
                <>
                  {"; previous drill of this scenario: "}
                  <Link href={`/drills/${report.comparison.previousDrill.id}`} className="underline underline-offset-2">
                    <Timestamp iso={report.comparison.previousDrill.startedAt} withDate />
                  </Link>
                </>
              ) : null}
              .
            </p>
            <MetricsTable report={report} />
          </section>
          <TeamsTold report={report} />
          <LessonsSection report={report} incidentId={drill.incident?.id ?? null} canCreate={canCreateActions} />
          <p className="text-xs text-ink-faint">
            Loss: the impact the room recorded, priced by the organisation&apos;s baselines over{" "}
            {formatDrillDuration(report.wallDurationMs)} of wall time ({formatMoney(report.loss.wall.revenue, report.loss.currency)}), ×{" "}
            {report.speed} for the scenario.
          </p>
        </>
      ) : null}
    </main>
  );
}
