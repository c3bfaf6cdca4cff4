import { cn } from "../ui/cn.ts";

// One mark for a practice incident wherever it is listed: a dashed outline and the word, never
// colour alone, so nobody mistakes a drill for a real outage (or the other way round).
export function DrillBadge({ className }: { className?: string }) {
  return (
    <span
      title="Game-day drill: a practice incident"
      data-testid="drill-badge"
      className={cn(
        "inline-flex items-center rounded border border-dashed border-accent px-1.5 py-0.5 text-xs font-bold tracking-wider whitespace-nowrap text-accent",
        className,
      )}
    >
      DRILL
    </span>
  );
}
