"use client";
import { KIND_LABELS, type EventKindName } from "@/lib/timeline/constants.ts";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { isSystemKind, type PendingEntry } from "@/lib/timeline/room-state.ts";
import { Timestamp } from "../time/timestamp.tsx";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";

const KIND_STYLE: Partial<Record<EventKindName, string>> = {
  action: "text-st-mitigating border-st-mitigating/40",
  decision: "text-st-identified border-st-identified/40",
  hypothesis: "text-st-investigating border-st-investigating/40",
  alert: "text-sev1 border-sev1/40",
};

function KindTag({ kind }: { kind: EventKindName }) {
  return (
    <span className={cn("rounded border px-1.5 py-px text-[11px] font-medium uppercase tracking-wide", KIND_STYLE[kind] ?? "text-ink-muted border-line")}>
      {KIND_LABELS[kind]}
    </span>
  );
}

// Back-dated entries show both times, so the record says when it happened and when it was written.
const BACKDATE_THRESHOLD_MS = 60_000;

export function TimelineEntry({ event }: { event: TimelineEventDto }) {
  const backdated = new Date(event.recordedAt).getTime() - new Date(event.occurredAt).getTime() > BACKDATE_THRESHOLD_MS;
  const system = isSystemKind(event.kind);
  return (
    <li data-seq={event.seq} data-testid="timeline-entry" className={cn("group grid grid-cols-[auto_1fr] gap-x-3 px-4 py-2", system && "bg-raised/40")}>
      <span className="pt-0.5 font-mono text-[11px] text-ink-faint tabular" aria-label={`Entry ${event.seq}`}>
        #{event.seq}
      </span>
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-ink-muted">
          <KindTag kind={event.kind} />
          <span className="font-medium text-ink">{event.author?.name ?? "System"}</span>
          <Timestamp iso={event.occurredAt} />
          {backdated ? (
            <span className="text-ink-faint">
              (written <Timestamp iso={event.recordedAt} />)
            </span>
          ) : null}
        </div>
        <p className={cn("whitespace-pre-wrap break-words text-sm leading-relaxed", system ? "text-ink-muted" : "text-ink")}>{event.body}</p>
      </div>
    </li>
  );
}

const PENDING_LABEL = { sending: "Sending…", queued: "Queued – will send when back online", failed: "Not sent" } as const;

export function PendingTimelineEntry({ entry, onRetry, onDiscard }: { entry: PendingEntry; onRetry: () => void; onDiscard: () => void }) {
  return (
    <li data-testid="pending-entry" data-state={entry.state} className="grid grid-cols-[auto_1fr] gap-x-3 border-l-2 border-warn/60 px-4 py-2 opacity-80">
      <span className="pt-0.5 font-mono text-[11px] text-warn" aria-hidden>…</span>
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <KindTag kind={entry.kind} />
          <span className={entry.state === "failed" ? "font-medium text-sev1" : "text-warn"}>
            {PENDING_LABEL[entry.state]}
            {entry.state === "failed" && entry.error ? `: ${entry.error}` : ""}
          </span>
          {entry.state === "failed" ? (
            <>
              <Button size="sm" variant="secondary" onClick={onRetry}>Retry</Button>
              <Button size="sm" variant="ghost" onClick={onDiscard}>Discard</Button>
            </>
          ) : null}
        </div>
        <p className="whitespace-pre-wrap break-words text-sm text-ink">{entry.body}</p>
      </div>
    </li>
  );
}
