"use client";
import { useState, type ReactNode } from "react";
import { isNarrowed, KIND_FILTERS, NO_FILTERS, type KindFilterId, type TimelineFilters } from "@/lib/timeline/timeline-view.ts";
import { cn } from "../ui/cn.ts";
import { PinIcon, SearchIcon } from "./icons.tsx";

export function Toggle({
  pressed,
  onClick,
  children,
  className,
}: {
  pressed: boolean;
  onClick: () => void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        "inline-flex h-7 shrink-0 items-center gap-1 rounded-full border px-2.5 text-xs font-medium whitespace-nowrap transition-colors",
        pressed ? "border-accent/60 bg-accent/15 text-ink" : "border-line text-ink-muted hover:border-line-strong hover:text-ink",
        className,
      )}
    >
      {children}
    </button>
  );
}

interface Props {
  filters: TimelineFilters;
  onChange: (next: TimelineFilters) => void;
  authors: { id: string; name: string }[];
  /** Enter in the search box: ask the server for older matches (when older entries exist). */
  onSearchHistory: (() => void) | null;
}

/** Narrow the timeline: text, kinds, author, pinned. On a phone the chips fold behind "Filters". */
export function TimelineToolbar({ filters, onChange, authors, onSearchHistory }: Props) {
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<TimelineFilters>) => onChange({ ...filters, ...patch });
  const toggleKind = (id: KindFilterId) =>
    set({ kinds: filters.kinds.includes(id) ? filters.kinds.filter((k) => k !== id) : [...filters.kinds, id] });
  const active = filters.kinds.length + (filters.authorId ? 1 : 0) + (filters.pinnedOnly ? 1 : 0);

  return (
    <div
      className="flex flex-wrap items-center gap-2 border-b border-line bg-surface px-4 py-2"
      role="search"
      aria-label="Filter the timeline"
    >
      <div className="relative min-w-0 flex-1 sm:w-52 sm:flex-none">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-ink-faint" />
        <input
          type="search"
          value={filters.text}
          onChange={(e) => set({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Enter" && filters.text.trim() && onSearchHistory) {
              e.preventDefault();
              onSearchHistory();
            }
            if (e.key === "Escape") set({ text: "" });
          }}
          placeholder="Search entries…"
          aria-label="Search the timeline (Enter searches older entries too)"
          className="h-8 w-full rounded-md border border-line bg-canvas pr-2 pl-8 text-sm text-ink placeholder:text-ink-faint focus:border-accent focus:outline-none"
        />
      </div>
      <button
        type="button"
        className="inline-flex h-8 items-center gap-1 rounded-md border border-line px-2.5 text-xs font-medium text-ink-muted hover:text-ink lg:hidden"
        aria-expanded={open}
        aria-controls="timeline-filters"
        onClick={() => setOpen((o) => !o)}
      >
        Filters{active ? ` (${active})` : ""}
      </button>
      <div
        id="timeline-filters"
        className={cn(
          "order-last basis-full flex-wrap items-center gap-1.5 lg:order-none lg:flex lg:min-w-0 lg:flex-1 lg:basis-0",
          open ? "flex" : "hidden",
        )}
      >
        <div className="flex flex-wrap gap-1" role="group" aria-label="Kinds">
          {KIND_FILTERS.map((k) => (
            <Toggle key={k.id} pressed={filters.kinds.includes(k.id)} onClick={() => toggleKind(k.id)}>
              {k.label}
            </Toggle>
          ))}
        </div>
        <label className="sr-only" htmlFor="timeline-author">
          Author
        </label>
        <select
          id="timeline-author"
          value={filters.authorId ?? ""}
          onChange={(e) => set({ authorId: e.target.value || null })}
          className={cn(
            "h-7 max-w-36 rounded-full border bg-canvas px-2 text-xs focus:border-accent focus:outline-none",
            filters.authorId ? "border-accent/60 text-ink" : "border-line text-ink-muted",
          )}
        >
          <option value="">Anyone</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <Toggle pressed={filters.pinnedOnly} onClick={() => set({ pinnedOnly: !filters.pinnedOnly })}>
          <PinIcon /> Pinned only
        </Toggle>
        {isNarrowed(filters) ? (
          <button
            type="button"
            onClick={() => onChange({ ...NO_FILTERS, showStruck: filters.showStruck, showChanges: filters.showChanges })}
            className="h-7 px-1.5 text-xs text-accent underline decoration-accent/40 underline-offset-2 hover:decoration-accent"
          >
            Clear
          </button>
        ) : null}
      </div>
    </div>
  );
}
