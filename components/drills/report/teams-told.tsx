import { formatDrillDuration } from "@/lib/drill-reports/format-duration.ts";
import type { DrillReport } from "@/lib/drill-reports/report-types.ts";

/** The failing service's blast radius, team by team: when each first heard, or never. */
export function TeamsTold({ report }: { report: DrillReport }) {
  return (
    <section aria-labelledby="drill-teams" className="space-y-2">
      <h2 id="drill-teams" className="text-base font-semibold">
        Teams in the blast radius of {report.failingService?.name ?? "the failing service"}
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2" data-testid="drill-teams">
        {report.teams.map((t) => (
          <li key={t.id} className="flex items-baseline justify-between gap-2 rounded-md border border-line bg-surface p-3 text-sm">
            <span className="min-w-0 break-words">
              <span className="font-medium">{t.name}</span>
              <span className="block text-xs text-ink-faint">
                {t.depth === 0 ? "owns the failing service" : `${t.depth} hop${t.depth === 1 ? "" : "s"} away`}
              </span>
            </span>
            {t.drillMs === null ? (
              <span className="shrink-0 font-medium text-bad">
                <span aria-hidden>✗ </span>never told
              </span>
            ) : (
              <span className="shrink-0 tabular text-ok">
                <span aria-hidden>✓ </span>told after {formatDrillDuration(t.drillMs)}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
