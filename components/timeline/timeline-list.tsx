"use client";
import { useEffect, useLayoutEffect, useRef, type ReactNode, type RefObject } from "react";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import type { PendingEntry } from "@/lib/timeline/room-state.ts";
import { Button } from "../ui/button.tsx";
import { PendingTimelineEntry } from "./pending-entry.tsx";
import { TimelineChange } from "./timeline-change.tsx";
import { TimelineEntry } from "./timeline-entry.tsx";

interface Props {
  /** The loaded entries to show, filtered, in seq order. */
  items: TimelineEventDto[];
  pending: PendingEntry[];
  hasOlder: boolean;
  compact: boolean;
  pinnedBy: Map<number, string>;
  highlightSeq: number | null;
  /** Whether the reader is at the bottom, following new entries; a jump turns it off. */
  followRef: RefObject<boolean>;
  /** Shown above the loaded entries: older matches from the server, or a hint. */
  before?: ReactNode;
  /** Shown below the entries (more of a page of older history). */
  after?: ReactNode;
  /** Shown when no entry passes the filters. */
  empty: ReactNode;
  onLoadOlder: () => void;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** Newest at the bottom, like a chat; stays at the bottom unless the reader scrolled up. */
export function TimelineList({
  items,
  pending,
  hasOlder,
  compact,
  pinnedBy,
  highlightSeq,
  followRef,
  before,
  after,
  empty,
  onLoadOlder,
  onRetry,
  onDiscard,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      followRef.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => el.removeEventListener("scroll", onScroll);
  }, [followRef]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && followRef.current) el.scrollTop = el.scrollHeight;
  }, [items.length, pending.length, compact, followRef]);

  // Entries also grow after they arrive (times render only on the client and wrap on a phone) and
  // the box shrinks when a phone keyboard opens: stay at the bottom if the reader was there.
  useEffect(() => {
    const el = scroller.current;
    if (!el || !list.current || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (followRef.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    observer.observe(list.current);
    return () => observer.disconnect();
  }, [followRef]);

  return (
    <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto" aria-label="Timeline" role="region" data-testid="timeline">
      {hasOlder ? (
        <div className="flex justify-center p-3">
          <Button size="sm" variant="secondary" onClick={onLoadOlder}>
            Load earlier entries
          </Button>
        </div>
      ) : null}
      {before}
      {items.length === 0 && pending.length === 0 ? empty : null}
      <ol ref={list} className="divide-y divide-line/60" aria-live="polite" aria-relevant="additions">
        {items.map((e) =>
          e.kind === "amendment" ? (
            <TimelineChange key={e.seq} event={e} />
          ) : (
            <TimelineEntry
              key={e.seq}
              event={e}
              compact={compact}
              pinnedBy={e.pinned ? pinnedBy.get(e.seq) : undefined}
              highlighted={highlightSeq === e.seq}
            />
          ),
        )}
        {pending.map((p) => (
          <PendingTimelineEntry key={p.clientId} entry={p} onRetry={() => onRetry(p.clientId)} onDiscard={() => onDiscard(p.clientId)} />
        ))}
      </ol>
      {after}
    </div>
  );
}
