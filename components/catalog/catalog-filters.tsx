"use client";
import type { RefObject } from "react";
import type { TeamDto } from "@/lib/catalog/catalog-dto.ts";
import { JOURNEY_LABELS, JOURNEYS, SERVICE_KIND_LABELS, SERVICE_KINDS, TIER_LABELS, TIERS } from "@/lib/vocabulary/catalog.ts";
import type { ServiceFilters } from "@/lib/catalog/filter-services.ts";
import { Kbd } from "../ui/kbd.tsx";

const select =
  "h-9 w-full min-w-0 sm:w-auto rounded-md border border-line bg-canvas px-2 text-sm text-ink focus:border-accent focus:outline-none";

interface Props {
  filters: ServiceFilters;
  teams: TeamDto[];
  onChange: (next: ServiceFilters) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}

export function CatalogFilters({ filters, teams, onChange, searchRef }: Props) {
  const set = (key: keyof ServiceFilters) => (value: string) => onChange({ ...filters, [key]: value });
  return (
    <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-center" role="search" aria-label="Find services">
      <div className="relative col-span-2 sm:min-w-56 sm:flex-1">
        <input
          ref={searchRef}
          type="search"
          value={filters.q}
          onChange={(e) => set("q")(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && set("q")("")}
          placeholder="Search services…"
          aria-label="Search services"
          className="h-9 w-full rounded-md border border-line bg-canvas pr-9 pl-3 text-sm text-ink placeholder:text-ink-faint focus:border-accent focus:outline-none"
        />
        <span className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2" aria-hidden>
          <Kbd>/</Kbd>
        </span>
      </div>
      <select aria-label="Owning team" value={filters.teamId} onChange={(e) => set("teamId")(e.target.value)} className={select}>
        <option value="">All teams</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <select aria-label="Kind" value={filters.kind} onChange={(e) => set("kind")(e.target.value)} className={select}>
        <option value="">All kinds</option>
        {SERVICE_KINDS.map((k) => (
          <option key={k} value={k}>
            {SERVICE_KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <select aria-label="Tier" value={filters.tier} onChange={(e) => set("tier")(e.target.value)} className={select}>
        <option value="">All tiers</option>
        {TIERS.map((t) => (
          <option key={t} value={String(t)}>
            {TIER_LABELS[t]}
          </option>
        ))}
      </select>
      <select aria-label="Customer journey" value={filters.journey} onChange={(e) => set("journey")(e.target.value)} className={select}>
        <option value="">All journeys</option>
        {JOURNEYS.map((j) => (
          <option key={j} value={j}>
            {JOURNEY_LABELS[j]}
          </option>
        ))}
      </select>
    </div>
  );
}
