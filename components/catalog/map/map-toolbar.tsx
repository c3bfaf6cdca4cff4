"use client";
import type { ReactNode } from "react";
import { JOURNEYS, JOURNEY_LABELS } from "@/lib/vocabulary/catalog.ts";
import type { GraphTeamDto } from "@/lib/catalog/get-catalog-graph.ts";
import { Button } from "../../ui/button.tsx";
import { Input, Select } from "../../ui/field.tsx";
import { Kbd } from "../../ui/kbd.tsx";
import type { MapFilters } from "./map-view.ts";

interface Props {
  teams: GraphTeamDto[];
  filters: MapFilters;
  onChange: (filters: MapFilters) => void;
  /** Enter in the search box: jump to the next match (Shift+Enter: the previous one). */
  onSearchSubmit: (backwards: boolean) => void;
  matchCount: number;
  matchIndex: number;
  shown: number;
  total: number;
  /** Live state on the right: health counts, connection. */
  status: ReactNode;
}

export const MAP_SEARCH_ID = "map-search";

export function MapToolbar({ teams, filters, onChange, onSearchSubmit, matchCount, matchIndex, shown, total, status }: Props) {
  const isFiltered = Boolean(filters.teamId || filters.journey || filters.query);
  const query = filters.query.trim();
  return (
    <div role="search" className="flex flex-wrap items-center gap-2 border-b border-line bg-surface px-4 py-2">
      <div className="relative w-60 max-w-full">
        <label htmlFor={MAP_SEARCH_ID} className="sr-only">
          Search services by name or team
        </label>
        <Input
          id={MAP_SEARCH_ID}
          type="search"
          autoComplete="off"
          placeholder="Search services…"
          value={filters.query}
          onChange={(e) => onChange({ ...filters, query: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              onSearchSubmit(e.shiftKey);
            } else if (e.key === "Escape") {
              onChange({ ...filters, query: "" });
              e.currentTarget.blur();
            }
          }}
          className="h-8! py-1! pr-8"
          aria-describedby="map-search-status"
        />
        <span className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2">
          <Kbd>/</Kbd>
        </span>
      </div>
      <span id="map-search-status" role="status" className="min-w-20 text-xs text-ink-muted tabular">
        {query ? (matchCount ? `${matchIndex >= 0 ? matchIndex + 1 : "–"} of ${matchCount} · Enter` : "No match") : ""}
      </span>
      <div className="w-44">
        <label htmlFor="map-team" className="sr-only">
          Filter by team
        </label>
        <Select
          id="map-team"
          value={filters.teamId ?? ""}
          onChange={(e) => onChange({ ...filters, teamId: e.target.value || null })}
          className="h-8! py-0!"
        >
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="w-40">
        <label htmlFor="map-journey" className="sr-only">
          Filter by customer journey
        </label>
        <Select
          id="map-journey"
          value={filters.journey ?? ""}
          onChange={(e) => onChange({ ...filters, journey: e.target.value || null })}
          className="h-8! py-0!"
        >
          <option value="">All journeys</option>
          {JOURNEYS.map((j) => (
            <option key={j} value={j}>
              {JOURNEY_LABELS[j]}
            </option>
          ))}
        </Select>
      </div>
      {isFiltered ? (
        <Button variant="ghost" size="sm" onClick={() => onChange({ teamId: null, journey: null, query: "" })}>
          Clear filters
        </Button>
      ) : null}
      <div className="ml-auto flex items-center gap-3">
        <span className="text-xs text-ink-muted tabular" data-testid="map-count">
          {shown === total ? `${total} services` : `${shown} of ${total} services`}
        </span>
        {status}
      </div>
    </div>
  );
}
