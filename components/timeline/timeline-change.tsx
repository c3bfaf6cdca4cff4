"use client";
import { memo } from "react";
import { amendmentOf } from "@/lib/timeline/amendment.ts";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { useTimelineActions } from "./timeline-actions.ts";
import { ShortTime } from "./timeline-entry.tsx";

/** A change record, shown as a quiet line when "All changes" is on. */
export const TimelineChange = memo(function TimelineChange({ event }: { event: TimelineEventDto }) {
  const { jumpTo } = useTimelineActions();
  const target = amendmentOf(event)?.entry.seq ?? event.targetSeq;
  return (
    <li
      data-seq={event.seq}
      data-testid="timeline-change"
      className="grid grid-cols-[2.75rem_1fr] gap-x-2 px-4 py-1 text-xs text-ink-muted"
    >
      <span className="font-mono text-[11px] text-ink-faint tabular">#{event.seq}</span>
      <p className="flex flex-wrap items-center gap-x-2">
        <span aria-hidden className="font-mono">
          ↻
        </span>
        <ShortTime iso={event.occurredAt} />
        <span className="break-words">{event.body}</span>
        {target ? (
          <button
            type="button"
            onClick={() => jumpTo(target)}
            className="text-accent underline decoration-accent/40 underline-offset-2 hover:decoration-accent"
          >
            Show #{target}
          </button>
        ) : null}
      </p>
    </li>
  );
});
