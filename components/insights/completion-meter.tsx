import type { FollowUpStats } from "@/lib/insights/aggregate.ts";

/** Follow-up completion as a ring with the rate in its centre and the counts beside it. */
export function CompletionMeter({ stats }: { stats: FollowUpStats }) {
  const R = 42;
  const C = 2 * Math.PI * R;
  const rate = stats.completionRate ?? 0;
  const percent = stats.completionRate === null ? "—" : `${Math.round(rate * 100)}%`;
  const label =
    stats.completionRate === null
      ? "No follow-ups yet for incidents in this range"
      : `${percent} of follow-ups done: ${stats.done} done, ${stats.remaining} still open (${stats.overdue} overdue), ${stats.wontDo} won't do`;
  return (
    <div className="flex flex-wrap items-center gap-6">
      <svg viewBox="0 0 110 110" className="h-32 w-32 shrink-0" role="img" aria-label={label} data-testid="chart-follow-up-completion">
        <title>{label}</title>
        <circle cx="55" cy="55" r={R} fill="none" className="stroke-line" strokeWidth="10" />
        <circle
          cx="55"
          cy="55"
          r={R}
          fill="none"
          className="stroke-ok"
          strokeWidth="10"
          strokeDasharray={`${rate * C} ${C}`}
          transform="rotate(-90 55 55)"
          strokeLinecap="butt"
        />
        <text x="55" y="60" textAnchor="middle" className="fill-ink" fontSize="20" fontWeight="600">
          {percent}
        </text>
      </svg>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
        <dt className="text-ink-muted">Done</dt>
        <dd className="text-right tabular">{stats.done}</dd>
        <dt className="text-ink-muted">Still open</dt>
        <dd className="text-right tabular">{stats.remaining}</dd>
        <dt className="text-ink-muted">
          <span aria-hidden>⚠ </span>Overdue
        </dt>
        <dd className={`text-right tabular ${stats.overdue ? "font-semibold text-sev1" : ""}`}>{stats.overdue}</dd>
        <dt className="text-ink-muted">Won&apos;t do</dt>
        <dd className="text-right tabular">{stats.wontDo}</dd>
      </dl>
    </div>
  );
}
