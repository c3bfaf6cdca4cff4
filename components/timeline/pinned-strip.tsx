"use client";
import { useState, type ReactNode } from "react";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { Timestamp } from "../time/timestamp.tsx";
import { cn } from "../ui/cn.ts";
import { PinIcon } from "./icons.tsx";
import { KindTag } from "./kind-tag.tsx";

/**
 * The key moments, one click away: pinned entries as a strip above the timeline (the whole list
 * when opened). Clicking one scrolls to it, loading earlier entries when needed. The view
 * toggles share the row, so the timeline keeps its height on a laptop.
 */
export function PinnedStrip({
  entries,
  onJump,
  children,
}: {
  entries: TimelineEventDto[];
  onJump: (seq: number) => void;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const expanded = open && entries.length > 0;
  return (
    <section aria-label="Pinned entries" data-testid="pinned-list" className="border-b border-line bg-surface/60">
      <div className="flex items-center gap-2 px-4 py-1.5">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls="pinned-entries"
          disabled={entries.length === 0}
          onClick={() => setOpen((o) => !o)}
          className="inline-flex h-7 shrink-0 items-center gap-1.5 rounded-md px-1.5 text-xs font-semibold text-ink hover:bg-raised disabled:cursor-default disabled:font-normal disabled:text-ink-faint disabled:hover:bg-transparent"
          title={entries.length === 0 ? "Commanders pin key moments with the Pin button on an entry" : undefined}
        >
          <PinIcon className={entries.length ? "text-accent" : undefined} />
          Pinned <span className="tabular">({entries.length})</span>
          {entries.length ? (
            <span aria-hidden className="text-ink-faint">
              {expanded ? "▴" : "▾"}
            </span>
          ) : null}
        </button>
        <ol
          className="hidden min-w-0 flex-1 gap-1.5 overflow-x-auto py-0.5 [scrollbar-width:thin] sm:flex"
          aria-label="Pinned entries, oldest first"
        >
          {expanded
            ? null
            : entries.map((e) => (
                <li key={e.seq} className="shrink-0">
                  <button
                    type="button"
                    onClick={() => onJump(e.seq)}
                    title={e.body}
                    className="inline-flex h-7 max-w-64 items-center gap-1.5 rounded-md border border-line bg-canvas px-2 text-xs text-ink hover:border-accent/60"
                  >
                    <span className="font-mono text-[11px] text-ink-faint">#{e.seq}</span>
                    <span className="truncate">{e.body}</span>
                  </button>
                </li>
              ))}
        </ol>
        {/* On a phone the chips give way (the button opens the list) and the toggles scroll. */}
        <div className="ml-auto flex min-w-0 items-center gap-1 overflow-x-auto [scrollbar-width:none] sm:ml-0 sm:shrink-0">{children}</div>
      </div>
      {expanded ? (
        <ol id="pinned-entries" className="max-h-52 divide-y divide-line/60 overflow-y-auto border-t border-line/60">
          {entries.map((e) => (
            <li key={e.seq}>
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  onJump(e.seq);
                }}
                className={cn("grid w-full grid-cols-[2.75rem_1fr] gap-x-2 px-4 py-2 text-left hover:bg-raised")}
              >
                <span className="font-mono text-[11px] text-ink-faint tabular">#{e.seq}</span>
                <span className="min-w-0 space-y-0.5">
                  <span className="flex flex-wrap items-center gap-2 text-xs text-ink-muted">
                    <KindTag kind={e.kind} />
                    <span className="font-medium text-ink">{e.author?.name ?? "System"}</span>
                    <Timestamp iso={e.occurredAt} />
                  </span>
                  <span className="line-clamp-2 block text-sm text-ink">{e.body}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
