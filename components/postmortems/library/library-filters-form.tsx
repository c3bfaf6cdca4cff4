"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, type FormEvent } from "react";
import { Kbd } from "@/components/ui/kbd.tsx";
import { useShortcut } from "@/components/ui/use-shortcut.ts";
import { JOURNEY_LABELS, JOURNEYS } from "@/lib/vocabulary/catalog.ts";
import { SEVERITIES } from "@/lib/vocabulary/incidents.ts";
import type { LibraryFilters } from "@/lib/postmortems/library-filters.ts";

const SEARCH_DEBOUNCE_MS = 300;
const control = "h-9 w-full min-w-0 rounded-md border border-line bg-canvas px-2 text-sm text-ink focus:border-accent focus:outline-none";

interface Props {
  filters: LibraryFilters;
  services: { id: string; name: string }[];
  teams: { id: string; name: string }[];
}

/** Search and filters live in the URL, so a filtered library can be bookmarked and shared. */
export function LibraryFiltersForm({ filters, services, teams }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const search = useRef<HTMLInputElement>(null);
  useShortcut("/", () => search.current?.focus());

  function apply(e?: FormEvent) {
    e?.preventDefault();
    if (!form.current) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form.current)) if (typeof value === "string" && value.trim()) params.set(key, value.trim());
    router.push(`/postmortems${params.size ? `?${params}` : ""}`);
  }
  const submitOnChange = () => apply();
  // Search as you type: the URL (and so the results) follows a pause in typing, not every key.
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const searchSoon = () => {
    clearTimeout(typing.current);
    typing.current = setTimeout(() => apply(), SEARCH_DEBOUNCE_MS);
  };
  useEffect(() => () => clearTimeout(typing.current), []);

  return (
    <form
      ref={form}
      onSubmit={apply}
      role="search"
      aria-label="Find post-mortems"
      className="grid grid-cols-2 gap-2 md:grid-cols-4 xl:grid-cols-8"
    >
      {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
      <div className="relative col-span-2">
        <input
          ref={search}
          type="search"
          name="q"
          defaultValue={filters.q ?? ""}
          placeholder="Search titles and text (as you type)…"
          aria-label="Search post-mortems"
          className={`${control} pr-9 pl-3`}
          onChange={searchSoon}
          onKeyDown={(e) => {
            if (e.key !== "Escape") return;
            e.currentTarget.value = "";
            searchSoon();
          }}
        />
        <span className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2" aria-hidden>
          <Kbd>/</Kbd>
        </span>
      </div>
      <select name="severity" aria-label="Severity" defaultValue={filters.severity ?? ""} onChange={submitOnChange} className={control}>
        <option value="">All severities</option>
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <select name="serviceId" aria-label="Service" defaultValue={filters.serviceId ?? ""} onChange={submitOnChange} className={control}>
        <option value="">All services</option>
        {services.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <select name="teamId" aria-label="Team" defaultValue={filters.teamId ?? ""} onChange={submitOnChange} className={control}>
        <option value="">All teams</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <select
        name="journey"
        aria-label="Customer journey"
        defaultValue={filters.journey ?? ""}
        onChange={submitOnChange}
        className={control}
      >
        <option value="">All journeys</option>
        {JOURNEYS.map((j) => (
          <option key={j} value={j}>
            {JOURNEY_LABELS[j]}
          </option>
        ))}
      </select>
      <input
        type="date"
        name="from"
        aria-label="Started on or after"
        title="Started on or after"
        defaultValue={filters.from ?? ""}
        onChange={submitOnChange}
        className={control}
      />
      <input
        type="date"
        name="to"
        aria-label="Started on or before"
        title="Started on or before"
        defaultValue={filters.to ?? ""}
        onChange={submitOnChange}
        className={control}
      />
      <button type="submit" className="sr-only">
        Search
      </button>
    </form>
  );
}
