"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { formatPerMinute } from "@/lib/impact/format.ts";
import type { ServiceCheck, ServiceReadiness, Verdict } from "@/lib/readiness/readiness-checks.ts";
import type { ReadinessDto } from "@/lib/readiness/readiness-dto.ts";
import { LastDrillCell } from "./last-drill-cell.tsx";
import { ReadinessTeams } from "./readiness-teams.tsx";

type SortKey = "stake" | "gaps" | "name";

const CHECK_LABELS: Record<ServiceCheck, string> = {
  onCall: "On-call",
  runbook: "Runbook",
  healthCheck: "Health check",
  alertSource: "Alert source",
  baselines: "Baselines",
  peakWindow: "Peak window",
};

const COLUMNS: ServiceCheck[] = ["onCall", "runbook", "healthCheck", "alertSource", "baselines", "peakWindow"];

/** Where a person fixes each gap. */
function fixHref(check: ServiceCheck, service: ServiceReadiness): string {
  switch (check) {
    case "onCall":
      return `/catalog/teams/${service.team.id}`;
    case "alertSource":
      return "/settings/integrations";
    case "baselines":
    case "peakWindow":
      return "/settings/impact";
    default:
      return `/catalog/services/${service.id}`;
  }
}

function peakDays(peak: ReadinessDto["peak"], timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" });
  // endsAt is midnight into Tuesday: the last day is the one before it.
  const last = new Date(Date.parse(peak.endsAt) - 1);
  return `${day.format(new Date(peak.startsAt))} – ${day.format(last)} ${last.getUTCFullYear()}`;
}

function CheckCell({ verdict, check, service }: { verdict: Verdict; check: ServiceCheck; service: ServiceReadiness }) {
  const label = CHECK_LABELS[check];
  if (verdict === "na") {
    return (
      <span className="text-ink-faint" title="Not on a customer journey: nothing to measure">
        <span aria-hidden>–</span>
        <span className="sr-only">{label}: does not apply</span>
      </span>
    );
  }
  if (verdict === "ok") {
    return (
      <span className="text-ok">
        <span aria-hidden>✓</span>
        <span className="sr-only">{label}: ready</span>
      </span>
    );
  }
  return (
    <Link href={fixHref(check, service)} className="font-medium text-bad underline-offset-2 hover:underline">
      <span aria-hidden>✗ </span>fix
      <span className="sr-only">
        {" "}
        {label.toLowerCase()} of {service.name}
      </span>
    </Link>
  );
}

function sortServices(rows: ServiceReadiness[], key: SortKey): ServiceReadiness[] {
  const byName = (a: ServiceReadiness, b: ServiceReadiness) => a.name.localeCompare(b.name);
  const sorted = [...rows];
  if (key === "name") return sorted.sort(byName);
  if (key === "gaps")
    return sorted.sort((a, b) => b.gaps.length - a.gaps.length || b.atStakePerMinute - a.atStakePerMinute || byName(a, b));
  return sorted.sort((a, b) => b.atStakePerMinute - a.atStakePerMinute || b.gaps.length - a.gaps.length || byName(a, b));
}

export function ReadinessBoard({ data, canFix, isAdmin }: { data: ReadinessDto; canFix: boolean; isAdmin: boolean }) {
  const [sort, setSort] = useState<SortKey>("stake");
  const [onlyGaps, setOnlyGaps] = useState(false);
  const rows = useMemo(
    () => sortServices(onlyGaps ? data.services.filter((s) => s.gaps.length > 0) : data.services, sort),
    [data.services, onlyGaps, sort],
  );
  const ready = data.services.filter((s) => s.gaps.length === 0).length;
  const gapCount = data.services.reduce((sum, s) => sum + s.gaps.length, 0);

  return (
    <main className="mx-auto w-full min-w-0 max-w-[1400px] space-y-5 p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold">Peak readiness</h1>
        <p className="text-sm text-ink-muted tabular" data-testid="readiness-summary">
          {ready} of {data.services.length} services ready · {gapCount} {gapCount === 1 ? "gap" : "gaps"} · riskiest first
        </p>
      </div>

      <section
        aria-label="Coming peak"
        className={`rounded-md border p-3 text-sm ${data.peak.isCovered ? "border-line bg-surface" : "border-bad bg-surface"}`}
        data-testid="readiness-peak"
      >
        <p>
          <span className="font-medium">{data.peak.name}</span>{" "}
          <span className="text-ink-muted">
            ({peakDays(data.peak, data.timeZone)}, {data.timeZone})
          </span>
          {data.peak.isCovered ? (
            <span className="ml-2 text-ok">
              <span aria-hidden>✓ </span>covered by {data.peak.overlapping.join(", ")}
            </span>
          ) : (
            <span className="ml-2 font-medium text-bad">
              <span aria-hidden>✗ </span>
              {data.peak.overlapping.length ? `only partly covered by ${data.peak.overlapping.join(", ")}` : "no peak window covers it"}
              {": money at stake below is at normal traffic. "}
              {isAdmin ? (
                <Link href="/settings/impact" className="underline">
                  Add a peak window
                </Link>
              ) : (
                "An admin adds one under Settings → Impact."
              )}
            </span>
          )}
        </p>
      </section>

      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2 text-ink-muted">
          Sort by
          <select
            value={sort}
            onChange={(e) => setSort(e.target.value as SortKey)}
            className="h-9 rounded-md border border-line bg-canvas px-2 text-ink"
          >
            <option value="stake">$/min at stake</option>
            <option value="gaps">Most gaps</option>
            <option value="name">Name</option>
          </select>
        </label>
        <label className="flex items-center gap-2 text-ink-muted">
          <input type="checkbox" checked={onlyGaps} onChange={(e) => setOnlyGaps(e.target.checked)} />
          Only services with gaps
        </label>
        {!canFix ? <span className="text-ink-faint">Admins and commanders fix gaps in the catalog.</span> : null}
      </div>

      {data.services.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-sm text-ink-muted">
          No services yet.{" "}
          <Link href="/catalog" className="underline">
            Add your services
          </Link>{" "}
          or{" "}
          <Link href="/catalog/import" className="underline">
            import a catalog
          </Link>
          , and this board shows what each needs before the peak.
        </p>
      ) : (
        <>
          <table className="hidden w-full border-collapse text-sm md:table" data-testid="readiness-services">
            <caption className="sr-only">Services against the coming peak</caption>
            <thead>
              <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-ink-muted">
                <th scope="col" className="py-2 pr-3 font-medium">
                  Service
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Owner
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  At stake at peak
                </th>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col" className="px-2 py-2 text-center font-medium">
                    {CHECK_LABELS[c]}
                  </th>
                ))}
                <th
                  scope="col"
                  className="px-2 py-2 text-center font-medium"
                  title={`Green when a drill in the last ${data.drillFreshDays} days involved it`}
                >
                  Last drill
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id} className="border-b border-line/60" data-testid="readiness-row">
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    <Link href={`/catalog/services/${s.id}`} className="font-medium hover:underline">
                      {s.name}
                    </Link>
                    <span className="ml-2 text-xs text-ink-faint">tier {s.tier}</span>
                  </th>
                  <td className="py-2 pr-3">
                    <Link href={`/catalog/teams/${s.team.id}`} className="text-ink-muted hover:underline">
                      {s.team.name}
                    </Link>
                  </td>
                  <td className="py-2 pr-3 text-right tabular">
                    {s.atStakePerMinute > 0 ? formatPerMinute(s.atStakePerMinute, data.currency) : "–"}
                  </td>
                  {COLUMNS.map((c) => (
                    <td key={c} className="px-2 py-2 text-center">
                      <CheckCell verdict={s.checks[c]} check={c} service={s} />
                    </td>
                  ))}
                  <td className="px-2 py-2 text-center tabular" data-testid="readiness-last-drill">
                    <LastDrillCell lastDrill={s.lastDrill} name={s.name} timeZone={data.timeZone} freshDays={data.drillFreshDays} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          {/* Phones: one card per service, its gaps in words. */}
          <ul className="space-y-2 md:hidden" aria-label="Services against the coming peak">
            {rows.map((s) => (
              <li key={s.id} className="rounded-md border border-line bg-surface p-3 text-sm">
                <div className="flex items-baseline justify-between gap-2">
                  <Link href={`/catalog/services/${s.id}`} className="min-w-0 break-words font-medium">
                    {s.name}
                  </Link>
                  <span className="shrink-0 tabular text-ink-muted">
                    {s.atStakePerMinute > 0 ? formatPerMinute(s.atStakePerMinute, data.currency) : "–"}
                  </span>
                </div>
                <p className="text-xs text-ink-faint">
                  {s.team.name} · tier {s.tier} · last drill{" "}
                  <LastDrillCell lastDrill={s.lastDrill} name={s.name} timeZone={data.timeZone} freshDays={data.drillFreshDays} />
                </p>
                {s.gaps.length === 0 ? (
                  <p className="mt-1 text-ok">
                    <span aria-hidden>✓ </span>Ready
                  </p>
                ) : (
                  <ul className="mt-1 space-y-0.5 text-bad">
                    {s.gaps.map((g) => (
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
        </>
      )}

      <ReadinessTeams teams={data.teams} currency={data.currency} timeZone={data.timeZone} freshDays={data.drillFreshDays} />
    </main>
  );
}
