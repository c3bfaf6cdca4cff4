"use client";
import { Button } from "../ui/button.tsx";
import { TimelineEntry } from "./timeline-entry.tsx";
import type { useHistorySearch } from "./use-history-search.ts";

interface Props {
  history: ReturnType<typeof useHistorySearch>;
  /** Whether there are entries older than the loaded ones to search. */
  canSearch: boolean;
  compact: boolean;
  pinnedBy: Map<number, string>;
  highlightSeq: number | null;
}

/**
 * While filters narrow the view, matches among entries older than the loaded page come from the
 * server (Enter in the search box, or the button) and show above the loaded ones.
 */
export function OlderMatches({ history, canSearch, compact, pinnedBy, highlightSeq }: Props) {
  if (!canSearch) return null;
  if (!history.searched) {
    return (
      <div className="flex flex-wrap items-center justify-center gap-2 border-b border-line/60 px-4 py-2 text-xs text-ink-muted">
        Filters apply to the loaded entries.
        <Button size="sm" variant="secondary" className="h-7 text-xs" disabled={history.loading} onClick={() => void history.search(false)}>
          {history.loading ? "Searching…" : "Search older entries too"}
        </Button>
        {history.error ? (
          <span role="alert" className="text-bad">
            {history.error}
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <section aria-label="Older matches" data-testid="older-matches" className="border-b-2 border-line">
      <h3 className="px-4 pt-2 text-xs font-semibold tracking-wide text-ink-muted uppercase">
        Older matches{" "}
        <span className="tabular">
          ({history.events.length}
          {history.hasMore ? "+" : ""})
        </span>
      </h3>
      {history.events.length === 0 ? <p className="px-4 py-2 text-sm text-ink-muted">Nothing older matches.</p> : null}
      <ol className="divide-y divide-line/60">
        {history.events.map((e) => (
          <TimelineEntry
            key={e.seq}
            event={e}
            compact={compact}
            pinnedBy={e.pinned ? pinnedBy.get(e.seq) : undefined}
            highlighted={highlightSeq === e.seq}
          />
        ))}
      </ol>
      {history.hasMore ? (
        <div className="flex justify-center p-2">
          <Button
            size="sm"
            variant="secondary"
            className="h-7 text-xs"
            disabled={history.loading}
            onClick={() => void history.search(true)}
          >
            {history.loading ? "Searching…" : "Search further back"}
          </Button>
        </div>
      ) : null}
      <p className="px-4 pb-1 text-xs font-semibold tracking-wide text-ink-muted uppercase">Loaded entries</p>
    </section>
  );
}
