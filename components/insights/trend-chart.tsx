import { formatMinutes, formatMinutesShort, labelStep, niceMinutes } from "./chart-scale.ts";

const W = 520;
const H = 170;
const PAD = { left: 46, right: 10, top: 12, bottom: 22 };

interface Point {
  label: string;
  value: number | null;
}

/**
 * A weekly median as a line with a dot per week; weeks without incidents leave a gap rather than
 * dropping to zero, which would read as "instant response".
 */
export function TrendChart({ points, name, testId, strokeClass }: { points: Point[]; name: string; testId: string; strokeClass: string }) {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const top = niceMinutes(Math.max(...values, 1));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length > 1 ? (i / (points.length - 1)) * plotW : plotW / 2);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? " L" : "M"} ${x(i)} ${y(p.value)}`;
  });
  if (current) segments.push(current);
  const step = labelStep(points.length);
  const label = values.length
    ? `${name} per week (median): ${points.map((p) => `${p.label} ${p.value === null ? "no incidents" : formatMinutes(p.value)}`).join(", ")}`
    : `${name} per week: no incidents in this range`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={label} data-testid={testId}>
      <title>{label}</title>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} className="stroke-line" strokeWidth={0.5} />
          <text x={PAD.left - 6} y={y(top * f) + 3} textAnchor="end" className="fill-ink-faint" fontSize={9}>
            {formatMinutesShort(top * f)}
          </text>
        </g>
      ))}
      {segments.map((d) => (
        <path key={d} d={d} fill="none" className={strokeClass} strokeWidth={1.75} strokeLinejoin="round" />
      ))}
      {points.map((p, i) =>
        p.value === null ? null : (
          <circle key={p.label} cx={x(i)} cy={y(p.value)} r={3} className={`fill-canvas ${strokeClass}`} strokeWidth={1.5}>
            <title>{`${p.label}: ${formatMinutes(p.value)}`}</title>
          </circle>
        ),
      )}
      {points.map((p, i) =>
        i % step === 0 || i === points.length - 1 ? (
          <text key={`l-${p.label}`} x={x(i)} y={H - 6} textAnchor="middle" className="fill-ink-faint" fontSize={9}>
            {p.label}
          </text>
        ) : null,
      )}
    </svg>
  );
}
