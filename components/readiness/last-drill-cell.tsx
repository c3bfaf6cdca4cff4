import Link from "next/link";
import type { LastDrill } from "@/lib/readiness/last-drill.ts";

function day(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" }).format(new Date(iso));
}

/**
 * The date of the last drill that involved a service or team: green within the freshness window,
 * red (a link to fix it) when stale or never; a date opens that drill's report, "never" the drills page.
 */
export function LastDrillCell({
  lastDrill,
  name,
  timeZone,
  freshDays,
}: {
  lastDrill: LastDrill | undefined;
  name: string;
  timeZone: string;
  freshDays: number;
}) {
  if (!lastDrill) return <span className="text-ink-faint">–</span>;
  const when = lastDrill.at ? day(lastDrill.at, timeZone) : null;
  if (lastDrill.verdict === "ok" && when) {
    return (
      <Link
        href={`/drills/${lastDrill.drillId}`}
        className="whitespace-nowrap text-ok underline-offset-2 hover:underline"
        title={`Within the last ${freshDays} days: open the report`}
      >
        <span aria-hidden>✓ </span>
        {when}
        <span className="sr-only"> last drill of {name}: open its report</span>
      </Link>
    );
  }
  return (
    <Link
      href={lastDrill.drillId ? `/drills/${lastDrill.drillId}` : "/drills"}
      className="whitespace-nowrap font-medium text-bad underline-offset-2 hover:underline"
      title={when ? `More than ${freshDays} days ago: run a drill` : "Never drilled: run a drill"}
    >
      <span aria-hidden>✗ </span>
      {when ?? "never"}
      <span className="sr-only">
        {" "}
        last drill of {name}
        {when ? `, more than ${freshDays} days ago` : ""}
      </span>
    </Link>
  );
}
