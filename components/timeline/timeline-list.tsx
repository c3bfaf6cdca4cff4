"use client";
import { useEffect, useLayoutEffect, useRef } from "react";
import type { RoomState } from "@/lib/timeline/room-state.ts";
import { Button } from "../ui/button.tsx";
import { PendingTimelineEntry, TimelineEntry } from "./timeline-entry.tsx";

interface Props {
  state: RoomState;
  onLoadOlder: () => void;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** Newest at the bottom, like a chat; stays pinned to the bottom unless the reader scrolled up. */
export function TimelineList({ state, onLoadOlder, onRetry, onDiscard }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => el.removeEventListener("scroll", onScroll);
  }, []);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [state.events.length, state.pending.length]);

  // Entries also grow after they arrive (times render only on the client and wrap on a phone) and
  // the box shrinks when a phone keyboard opens: stay at the bottom if the reader was there.
  useEffect(() => {
    const el = scroller.current;
    if (!el || !list.current || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (pinned.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    observer.observe(list.current);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto" aria-label="Timeline" role="region">
      {state.hasOlder ? (
        <div className="flex justify-center p-3">
          <Button size="sm" variant="secondary" onClick={onLoadOlder}>Load earlier entries</Button>
        </div>
      ) : null}
      {state.events.length === 0 && state.pending.length === 0 ? (
        <p className="p-6 text-center text-ink-muted">No entries yet. Write what you see, what you tried, what you decided.</p>
      ) : null}
      <ol ref={list} className="divide-y divide-line/60" aria-live="polite" aria-relevant="additions">
        {state.events.map((e) => (
          <TimelineEntry key={e.seq} event={e} />
        ))}
        {state.pending.map((p) => (
          <PendingTimelineEntry key={p.clientId} entry={p} onRetry={() => onRetry(p.clientId)} onDiscard={() => onDiscard(p.clientId)} />
        ))}
      </ol>
    </div>
  );
}
