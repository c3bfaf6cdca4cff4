import type { InsightsDto } from "@/lib/insights/insights-dto.ts";
import { SEVERITIES } from "@/lib/vocabulary/incidents.ts";
import { labelStep, niceCeil } from "./chart-scale.ts";

const W = 520;
const H = 200;
const PAD = { left: 28, right: 8, top: 10, bottom: 22 };
const FILL = { SEV1: "fill-sev1", SEV2: "fill-sev2", SEV3: "fill-sev3", SEV4: "fill-sev4" } as const;

/** Stacked bars: incidents that started each ISO week, by severity (SEV1 at the bottom). */
export function IncidentsPerWeekChart({ weeks }: { weeks: InsightsDto["perWeek"] }) {
  const top = Math.max(niceCeil(Math.max(...weeks.map((w) => w.total), 1)), 2);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(weeks.length, 1);
  const barW = Math.min(28, slot * 0.6);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const step = labelStep(weeks.length);
  const total = weeks.reduce((s, w) => s + w.total, 0);
  const label = `Incidents per week, ${weeks[0]?.label ?? ""} to ${weeks.at(-1)?.label ?? ""}: ${total} in total; ${weeks.map((w) => `${w.label} ${w.total}`).join(", ")}`;
  return (
    <>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={label} data-testid="chart-incidents-per-week">
        <title>{label}</title>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} className="stroke-line" strokeWidth={0.5} />
            <text x={PAD.left - 6} y={y(top * f) + 3} textAnchor="end" className="fill-ink-faint" fontSize={9}>
              {Math.round(top * f * 10) / 10}
            </text>
          </g>
        ))}
        {weeks.map((w, i) => {
          const x = PAD.left + slot * i + (slot - barW) / 2;
          let base = 0;
          return (
            <g key={w.weekStart}>
              {SEVERITIES.map((s) => {
                const n = w.bySeverity[s];
                if (!n) return null;
                const rect = (
                  <rect key={s} x={x} width={barW} y={y(base + n)} height={y(base) - y(base + n)} className={FILL[s]} rx={1.5}>
                    <title>{`${w.label}: ${n} ${s}`}</title>
                  </rect>
                );
                base += n;
                return rect;
              })}
              {w.total ? (
                <text x={x + barW / 2} y={y(w.total) - 3} textAnchor="middle" className="fill-ink-muted" fontSize={9}>
                  {w.total}
                </text>
              ) : null}
              {i % step === 0 || i === weeks.length - 1 ? (
                <text x={x + barW / 2} y={H - 6} textAnchor="middle" className="fill-ink-faint" fontSize={9}>
                  {w.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul className="flex flex-wrap gap-3 text-xs text-ink-muted" aria-label="Legend">
        {SEVERITIES.map((s) => (
          <li key={s} className="flex items-center gap-1.5">
            <svg width="10" height="10" aria-hidden>
              <rect width="10" height="10" rx="2" className={FILL[s]} />
            </svg>
            {s}
          </li>
        ))}
      </ul>
    </>
  );
}
