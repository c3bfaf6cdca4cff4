import { JOURNEY_LABELS, type JourneyName } from "@/lib/vocabulary/catalog.ts";

export function JourneyChips({ journeys }: { journeys: readonly JourneyName[] }) {
  if (!journeys.length) return <span className="text-xs text-ink-faint">No journeys</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Customer journeys">
      {journeys.map((j) => (
        <li key={j} className="rounded bg-raised px-1.5 py-0.5 text-[11px] whitespace-nowrap text-ink-muted">
          {JOURNEY_LABELS[j]}
        </li>
      ))}
    </ul>
  );
}
