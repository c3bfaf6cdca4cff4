import { TARGETS_MS } from "@/lib/drill-reports/draft-lessons.ts";
import { formatDrillDuration } from "@/lib/drill-reports/format-duration.ts";
import { METRIC_LABELS, type DrillMetric, type DrillReport, type MetricComparison } from "@/lib/drill-reports/report-types.ts";
import { MetricDelta } from "./metric-delta.tsx";

function Took({ metric, speed }: { metric: DrillMetric; speed: number }) {
  if (metric.drillMs === null) {
    return (
      <span className="font-medium text-bad">
        <span aria-hidden>✗ </span>not done
      </span>
    );
  }
  const inTime = metric.drillMs <= TARGETS_MS[metric.key];
  return (
    <span className="tabular">
      <span className={`font-semibold ${inTime ? "text-ok" : "text-warn"}`}>
        <span aria-hidden>{inTime ? "✓ " : "⚠ "}</span>
        {formatDrillDuration(metric.drillMs)}
      </span>
      <span className="sr-only">{inTime ? " within target" : " over target"}</span>
      {speed !== 1 && metric.wallMs !== null ? (
        <span className="block text-xs text-ink-faint">wall {formatDrillDuration(metric.wallMs)}</span>
      ) : null}
    </span>
  );
}

const compare = (comparison: readonly MetricComparison[], key: string) => comparison.find((c) => c.key === key);

/** Each step as a row: scenario time (wall below it), target, and the comparisons. Cards on a phone. */
export function MetricsTable({ report }: { report: DrillReport }) {
  const rows = report.metrics.map((m) => ({ m, c: compare(report.comparison.metrics, m.key) }));
  return (
    <>
      <table className="hidden w-full border-collapse text-sm md:table" data-testid="drill-metrics">
        <caption className="sr-only">Time from the drill&apos;s start to each step, in scenario time, with comparisons</caption>
        <thead>
          <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-ink-muted">
            <th scope="col" className="py-2 pr-3 font-medium">
              Step
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Took (scenario)
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Target
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Previous drill
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              All drills (median)
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Real incidents (median)
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ m, c }) => (
            <tr key={m.key} className="border-b border-line/60 align-top" data-testid="drill-metric-row" data-metric={m.key}>
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                <span className="font-medium">{METRIC_LABELS[m.key]}</span>
                <span className="block text-xs text-ink-faint">{m.detail}</span>
              </th>
              <td className="py-2 pr-3 text-right">
                <Took metric={m} speed={report.speed} />
              </td>
              <td className="py-2 pr-3 text-right tabular text-ink-muted">{formatDrillDuration(TARGETS_MS[m.key])}</td>
              <td className="py-2 pr-3 text-right">
                <MetricDelta delta={c?.previousDelta ?? null} base={c?.previous ?? null} />
              </td>
              <td className="py-2 pr-3 text-right tabular text-ink-muted">
                {c?.allDrillsMedian != null ? formatDrillDuration(c.allDrillsMedian) : "–"}
              </td>
              <td className="py-2 text-right">
                <MetricDelta delta={c?.realDelta ?? null} base={c?.realMedian ?? null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-2 md:hidden" aria-label="Steps of the response">
        {rows.map(({ m, c }) => (
          <li key={m.key} className="rounded-md border border-line bg-surface p-3 text-sm" data-testid="drill-metric-card">
            <div className="flex items-baseline justify-between gap-2">
              <span className="font-medium">{METRIC_LABELS[m.key]}</span>
              <span className="shrink-0 text-right">
                <Took metric={m} speed={report.speed} />
              </span>
            </div>
            <p className="text-xs text-ink-faint">
              {m.detail} · target {formatDrillDuration(TARGETS_MS[m.key])}
            </p>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
              <dt className="text-ink-muted">Previous drill</dt>
              <dd className="text-right">
                <MetricDelta delta={c?.previousDelta ?? null} base={c?.previous ?? null} />
              </dd>
              <dt className="text-ink-muted">Real incidents</dt>
              <dd className="text-right">
                <MetricDelta delta={c?.realDelta ?? null} base={c?.realMedian ?? null} />
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
