"use client";
import type { PendingEntry } from "@/lib/timeline/room-state.ts";
import { Button } from "../ui/button.tsx";
import { KindTag } from "./kind-tag.tsx";

const PENDING_LABEL = { sending: "Sending…", queued: "Queued – will send when back online", failed: "Not sent" } as const;

export function PendingTimelineEntry({ entry, onRetry, onDiscard }: { entry: PendingEntry; onRetry: () => void; onDiscard: () => void }) {
  const target = typeof entry.data?.target === "string" ? entry.data.target : null;
  return (
    <li
      data-testid="pending-entry"
      data-state={entry.state}
      className="grid grid-cols-[2.75rem_1fr] gap-x-2 border-l-2 border-warn/60 px-4 py-2 opacity-80"
    >
      <span className="pt-0.5 font-mono text-[11px] text-warn" aria-hidden>
        …
      </span>
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <KindTag kind={entry.kind} />
          {target ? <span className="text-ink-muted">to {target}</span> : null}
          <span className={entry.state === "failed" ? "font-medium text-bad" : "text-warn"}>
            {PENDING_LABEL[entry.state]}
            {entry.state === "failed" && entry.error ? `: ${entry.error}` : ""}
          </span>
          {entry.state === "failed" ? (
            <>
              <Button size="sm" variant="secondary" onClick={onRetry}>
                Retry
              </Button>
              <Button size="sm" variant="ghost" onClick={onDiscard}>
                Discard
              </Button>
            </>
          ) : null}
        </div>
        <p className="text-sm break-words whitespace-pre-wrap text-ink">{entry.body}</p>
      </div>
    </li>
  );
}
