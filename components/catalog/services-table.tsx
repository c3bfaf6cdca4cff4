import Link from "next/link";
import type { CatalogServiceDto } from "@/lib/catalog/catalog-dto.ts";
import { SERVICE_KIND_LABELS } from "@/lib/vocabulary/catalog.ts";
import { HealthBadge } from "./health-badge.tsx";
import { JourneyChips } from "./journey-chips.tsx";
import { TierBadge } from "./tier-badge.tsx";

export function ServicesTable({ services }: { services: CatalogServiceDto[] }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm">
        <caption className="sr-only">Services with their owner, health and dependencies</caption>
        <thead className="bg-surface text-left text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Service
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
              Health
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
              Tier
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Owner
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
              Journeys
            </th>
            <th scope="col" className="hidden px-3 py-2 text-right font-medium md:table-cell" title="Calls (depends on) / called by">
              Calls / callers
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {services.map((s) => (
            <tr key={s.id} className="align-top hover:bg-raised/60" data-testid="service-row">
              <td className="px-3 py-2.5">
                <Link href={`/catalog/services/${s.id}`} className="font-medium text-ink hover:underline">
                  {s.name}
                </Link>
                {/* On a phone the tier and health columns fold in under the name. */}
                <div className="mt-1 flex items-center gap-2 md:hidden">
                  <TierBadge tier={s.tier} />
                  <HealthBadge health={s.health} message={s.healthMessage} />
                </div>
                <p className="text-xs text-ink-muted">
                  {SERVICE_KIND_LABELS[s.kind]}
                  {s.system ? <span className="text-ink-faint"> · {s.system}</span> : null}
                  {s.openIncidentCount ? (
                    <span className="ml-1.5 font-medium text-sev1">
                      <span aria-hidden>▲ </span>
                      {s.openIncidentCount === 1 ? "in 1 open incident" : `in ${s.openIncidentCount} open incidents`}
                    </span>
                  ) : null}
                </p>
              </td>
              <td className="hidden px-3 py-2.5 md:table-cell">
                <HealthBadge health={s.health} message={s.healthMessage} />
              </td>
              <td className="hidden px-3 py-2.5 md:table-cell">
                <TierBadge tier={s.tier} />
              </td>
              <td className="px-3 py-2.5">
                <Link href={`/catalog/teams/${s.team.id}`} className="text-ink hover:underline">
                  {s.team.name}
                </Link>
                {s.team.onCall[0] ? (
                  <p className="max-w-48 truncate text-xs text-ink-muted" title={s.team.onCall[0]}>
                    ☎ {s.team.onCall[0]}
                  </p>
                ) : null}
              </td>
              <td className="hidden px-3 py-2.5 md:table-cell">
                <JourneyChips journeys={s.journeys} />
              </td>
              <td className="hidden px-3 py-2.5 text-right text-ink-muted tabular whitespace-nowrap md:table-cell">
                <span title={`${s.name} calls ${s.dependsOnCount} services`}>{s.dependsOnCount}</span>
                <span className="text-ink-faint"> / </span>
                <span title={`${s.dependedByCount} services call ${s.name}`}>{s.dependedByCount}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
