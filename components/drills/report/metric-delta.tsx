import { formatDelta, formatDrillDuration } from "@/lib/drill-reports/format-duration.ts";

/** A comparison in words and an arrow, never colour alone: "▲ +2m slower" / "▼ −45s faster". */
export function MetricDelta({ delta, base }: { delta: number | null; base: number | null }) {
  if (base === null)
    return (
      <span className="text-ink-faint">
        –<span className="sr-only">no comparison</span>
      </span>
    );
  if (delta === null) return <span className="tabular text-ink-muted">{formatDrillDuration(base)}</span>;
  const same = Math.round(delta / 1000) === 0;
  const tone = same ? "text-ink-muted" : delta > 0 ? "text-bad" : "text-ok";
  return (
    <span className="tabular">
      <span className="text-ink-muted">{formatDrillDuration(base)}</span>{" "}
      <span className={`whitespace-nowrap ${tone}`}>
        <span aria-hidden>{same ? "=" : delta > 0 ? "▲" : "▼"} </span>
        {formatDelta(delta)} {same ? "same" : delta > 0 ? "slower" : "faster"}
      </span>
    </span>
  );
}
