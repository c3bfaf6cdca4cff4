import Link from "next/link";
import { formatPerMinute } from "@/lib/impact/format.ts";
import type { TeamReadiness } from "@/lib/readiness/readiness-checks.ts";
import { LastDrillCell } from "./last-drill-cell.tsx";

/** Per team: can it be reached at 2 AM, and how much rides on its services? */
export function ReadinessTeams({
  teams,
  currency,
  timeZone,
  freshDays,
}: {
  teams: TeamReadiness[];
  currency: string;
  timeZone: string;
  freshDays: number;
}) {
  if (teams.length === 0) return null;
  return (
    <section aria-labelledby="readiness-teams" className="space-y-2">
      <h2 id="readiness-teams" className="text-base font-semibold">
        Teams
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3" data-testid="readiness-teams">
        {teams.map((t) => (
          <li key={t.id} className="rounded-md border border-line bg-surface p-3 text-sm">
            <div className="flex items-baseline justify-between gap-2">
              <Link href={`/catalog/teams/${t.id}`} className="min-w-0 break-words font-medium hover:underline">
                {t.name}
              </Link>
              <span className="shrink-0 tabular text-ink-muted">
                {t.atStakePerMinute > 0 ? `up to ${formatPerMinute(t.atStakePerMinute, currency)}` : "–"}
              </span>
            </div>
            <p className="text-xs text-ink-faint">
              {t.services} {t.services === 1 ? "service" : "services"}
              {t.serviceGaps ? ` · ${t.serviceGaps} service ${t.serviceGaps === 1 ? "gap" : "gaps"}` : ""}
            </p>
            <p className="mt-1 break-words text-ink-muted">On call: {t.onCall.length ? t.onCall.join(" → ") : "nobody"}</p>
            <p className="text-ink-muted">
              Last drill <LastDrillCell lastDrill={t.lastDrill} name={t.name} timeZone={timeZone} freshDays={freshDays} />
            </p>
            {t.gaps.length === 0 ? (
              <p className="text-ok">
                <span aria-hidden>✓ </span>Reachable
              </p>
            ) : (
              <ul className="text-bad">
                {t.gaps.map((g) => (
                  <li key={g}>
                    <span aria-hidden>✗ </span>
                    {g}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
