import { formatMoney } from "@/lib/impact/format.ts";

const MAX_ROWS = 8;

/** Horizontal bars, largest first, each labelled with its name and amount (readable without colour). */
export function LossBars({
  rows,
  currency,
  testId,
  empty,
}: {
  rows: { key: string; label: string; loss: number }[];
  currency: string;
  testId: string;
  empty: string;
}) {
  if (!rows.length) return <p className="py-6 text-center text-sm text-ink-faint">{empty}</p>;
  // A "1 more" bar would hide a name for no room saved: fold only two or more.
  const keep = rows.length <= MAX_ROWS + 1 ? rows.length : MAX_ROWS;
  const shown = rows.slice(0, keep);
  const rest = rows.slice(keep).reduce((s, r) => s + r.loss, 0);
  if (rest > 0) shown.push({ key: "rest", label: `${rows.length - keep} more`, loss: rest });
  const max = Math.max(...shown.map((r) => r.loss), 1);
  const W = 520;
  const ROW = 26;
  const LABEL = 170;
  const VALUE = 90;
  const H = shown.length * ROW;
  const label = `${shown.map((r) => `${r.label} ${formatMoney(r.loss, currency)}`).join(", ")}`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={label} data-testid={testId}>
      <title>{label}</title>
      {shown.map((r, i) => {
        const width = Math.max(2, (r.loss / max) * (W - LABEL - VALUE - 8));
        return (
          <g key={r.key} transform={`translate(0 ${i * ROW})`}>
            <text x={LABEL - 8} y={ROW / 2 + 4} textAnchor="end" className="fill-ink-muted" fontSize={11}>
              {r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}
            </text>
            <rect x={LABEL} y={5} width={width} height={ROW - 10} rx={2} className="fill-accent/70" />
            <text x={LABEL + width + 6} y={ROW / 2 + 4} className="fill-ink" fontSize={11}>
              {formatMoney(r.loss, currency)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
