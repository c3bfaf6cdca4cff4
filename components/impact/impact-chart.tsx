"use client";
import type { ImpactSeriesPoint } from "@/lib/impact/impact-dto.ts";
import { formatMoneyCompact, formatPerMinute } from "@/lib/impact/format.ts";
import { formatTime, zoneName } from "@/lib/time/format.ts";
import { useTimeZone } from "../time/time-zone.tsx";

const W = 300;
const H = 120;
const PAD = { left: 44, right: 6, top: 8, bottom: 18 };

/** The axis top: the next round figure above the peak (1, 2, 2.5 or 5 × a power of ten). */
function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * magnitude >= value) return m * magnitude;
  return 10 * magnitude;
}

/**
 * Revenue at risk per minute over the incident as a step chart: each point holds until the
 * next (impact changes, hours of the profile, peak edges). Inline SVG, no chart library.
 */
export function ImpactChart({ series, currency }: { series: ImpactSeriesPoint[]; currency: string }) {
  const { timeZone } = useTimeZone();
  const hhmm = (iso: string) => formatTime(new Date(iso), timeZone).slice(0, 5);
  if (series.length < 2) {
    return <p className="text-xs text-ink-faint">The chart starts once the incident has been open a moment.</p>;
  }
  const t0 = Date.parse(series[0]?.at ?? "");
  const t1 = Date.parse(series.at(-1)?.at ?? "");
  const peak = Math.max(...series.map((p) => p.revenue));
  const top = niceCeil(peak);
  const x = (iso: string) => PAD.left + ((Date.parse(iso) - t0) / Math.max(1, t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / top) * (H - PAD.top - PAD.bottom);

  let line = `M ${x(series[0]?.at ?? "")} ${y(series[0]?.revenue ?? 0)}`;
  for (let i = 1; i < series.length; i++) {
    const p = series[i] as ImpactSeriesPoint;
    line += ` H ${x(p.at)}`;
    // The last point only marks where the line ends (now, or when it was resolved).
    if (i < series.length - 1) line += ` V ${y(p.revenue)}`;
  }
  const baseY = y(0);
  const area = `${line} V ${baseY} H ${x(series[0]?.at ?? "")} Z`;
  const latest = series.at(-1)?.revenue ?? 0;
  const label = `Revenue at risk per minute from ${hhmm(series[0]?.at ?? "")} to ${hhmm(series.at(-1)?.at ?? "")}: peak ${formatPerMinute(peak, currency)}, latest ${formatPerMinute(latest, currency)}`;

  return (
    <figure className="space-y-1">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={label} data-testid="impact-chart">
        <title>{label}</title>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} className="stroke-line" strokeWidth={0.5} />
            <text x={PAD.left - 4} y={y(top * f) + 3} textAnchor="end" className="fill-ink-faint" fontSize={8}>
              {formatMoneyCompact(top * f, currency)}
            </text>
          </g>
        ))}
        <path d={area} className="fill-sev1/15" />
        <path d={line} className="stroke-sev1" fill="none" strokeWidth={1.5} strokeLinejoin="round" />
        <text x={PAD.left} y={H - 4} className="fill-ink-faint" fontSize={8}>
          {hhmm(series[0]?.at ?? "")}
        </text>
        <text x={W - PAD.right} y={H - 4} textAnchor="end" className="fill-ink-faint" fontSize={8}>
          {hhmm(series.at(-1)?.at ?? "")}
        </text>
      </svg>
      <figcaption className="text-[11px] text-ink-faint">Revenue at risk per minute, times in {zoneName(new Date(), timeZone)}</figcaption>
    </figure>
  );
}
