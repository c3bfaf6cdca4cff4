"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { CatalogServiceDto, TeamDto } from "@/lib/catalog/catalog-dto.ts";
import { filterServices, filtersToQuery, hasFilters, NO_FILTERS, type ServiceFilters } from "@/lib/catalog/filter-services.ts";
import { buttonClasses } from "../ui/button.tsx";
import { Kbd } from "../ui/kbd.tsx";
import { useShortcut } from "../ui/use-shortcut.ts";
import { CatalogFilters } from "./catalog-filters.tsx";
import { ServicesTable } from "./services-table.tsx";
import { TeamsList } from "./teams-list.tsx";
import { useCatalogLive } from "./use-catalog-live.ts";

interface Props {
  services: CatalogServiceDto[];
  teams: TeamDto[];
  canEdit: boolean;
  initialFilters: ServiceFilters;
}

export function CatalogBrowser({ services, teams, canEdit, initialFilters }: Props) {
  const router = useRouter();
  const [filters, setFilters] = useState(initialFilters);
  const search = useRef<HTMLInputElement>(null);
  useCatalogLive();
  useShortcut("/", () => search.current?.focus());
  useShortcut("n", () => canEdit && router.push("/catalog/services/new"));

  function change(next: ServiceFilters) {
    setFilters(next);
    // The URL follows the filters (shareable), without a navigation or a history entry per key.
    window.history.replaceState(null, "", `/catalog${filtersToQuery(next)}`);
  }

  const shown = filterServices(services, filters);
  return (
    <main className="mx-auto w-full max-w-[1600px] space-y-5 p-4 sm:p-6">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        <div>
          <h1 className="text-xl font-semibold">Catalog</h1>
          <p className="text-sm text-ink-muted tabular">
            {services.length} services · {teams.length} teams · who owns what, who to call
          </p>
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <Link href="/map" className={buttonClasses("ghost", "sm")}>
            Dependency map
          </Link>
          <Link href="/catalog/import" className={buttonClasses("ghost", "sm")}>
            Import / export
          </Link>
          {canEdit ? (
            <>
              <Link href="/catalog/teams/new" className={buttonClasses("secondary", "sm")}>
                New team
              </Link>
              <Link href="/catalog/services/new" className={buttonClasses("primary", "sm")}>
                New service <Kbd>N</Kbd>
              </Link>
            </>
          ) : null}
        </div>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_320px]">
        <section aria-labelledby="services-heading" className="min-w-0 space-y-3">
          <h2 id="services-heading" className="sr-only">
            Services
          </h2>
          <CatalogFilters filters={filters} teams={teams} onChange={change} searchRef={search} />
          <p className="text-xs text-ink-muted tabular" aria-live="polite">
            {hasFilters(filters) ? `${shown.length} of ${services.length} services match` : `${services.length} services`}
            {hasFilters(filters) ? (
              <button type="button" className="ml-2 text-accent hover:underline" onClick={() => change(NO_FILTERS)}>
                Clear filters
              </button>
            ) : null}
          </p>
          {services.length === 0 ? (
            <EmptyCatalog canEdit={canEdit} hasTeams={teams.length > 0} />
          ) : shown.length === 0 ? (
            <div className="rounded-lg border border-dashed border-line p-8 text-center text-ink-muted">
              No service matches these filters.
            </div>
          ) : (
            <ServicesTable services={shown} />
          )}
        </section>
        <TeamsList teams={teams} canEdit={canEdit} />
      </div>
    </main>
  );
}

function EmptyCatalog({ canEdit, hasTeams }: { canEdit: boolean; hasTeams: boolean }) {
  return (
    <div className="rounded-lg border border-dashed border-line p-10 text-center">
      <p className="text-lg font-medium">No services yet</p>
      <p className="mt-1 text-ink-muted">
        {canEdit
          ? hasTeams
            ? "Add the APIs and systems your storefront depends on, or import a Backstage catalog."
            : "Start with the teams that own things, then add their services — or import a Backstage catalog."
          : "An admin or commander adds services and who owns them; they appear here."}
      </p>
      {canEdit ? (
        <div className="mt-4 flex justify-center gap-2">
          <Link href={hasTeams ? "/catalog/services/new" : "/catalog/teams/new"} className={buttonClasses("primary", "sm")}>
            {hasTeams ? "New service" : "New team"}
          </Link>
          <Link href="/catalog/import" className={buttonClasses("secondary", "sm")}>
            Import
          </Link>
        </div>
      ) : null}
    </div>
  );
}
