"use client";
import { memo, useState, type ReactNode } from "react";
import { canAmendEntry, isPinnableKind, isStrikableKind } from "@/lib/timeline/entry-permissions.ts";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { isSystemKind } from "@/lib/timeline/room-state.ts";
import { formatClock, formatDateTime } from "@/lib/time/format.ts";
import { useTimeZone } from "../time/time-zone.tsx";
import { Timestamp } from "../time/timestamp.tsx";
import { useNow } from "../time/use-now.ts";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { AlertLinks } from "./alert-links.tsx";
import { CompactState, EntryDetails, safeHref } from "./entry-details.tsx";
import { EntryEditor } from "./entry-editor.tsx";
import { EntryHistoryPanel } from "./entry-history.tsx";
import { EditIcon, ExternalIcon, HistoryIcon, PinIcon, RestoreIcon, StrikeIcon } from "./icons.tsx";
import { KindTag } from "./kind-tag.tsx";
import { StrikeForm } from "./strike-form.tsx";
import { useChangeRunner, useTimelineActions } from "./timeline-actions.ts";

// Back-dated entries show both times, so the record says when it happened and when it was written.
const BACKDATE_THRESHOLD_MS = 60_000;

type Panel = null | "edit" | "strike" | "history";

interface Props {
  event: TimelineEventDto;
  compact: boolean;
  /** Who pinned it, when the change is among the loaded ones. */
  pinnedBy?: string;
  highlighted: boolean;
}

// content-visibility lets the browser skip layout and paint of entries out of view: a room
// scrolled back through thousands of entries stays as quick as one with a page of them.
const ROW =
  "group relative scroll-mt-24 outline-none [contain-intrinsic-size:auto_4.5rem] [content-visibility:auto] focus-visible:ring-2 focus-visible:ring-accent focus-visible:ring-inset";

export function ShortTime({ iso }: { iso: string }) {
  const now = useNow(60_000);
  const { timeZone } = useTimeZone();
  // Labelled with its zone like every absolute time in the room; the date is in the tooltip.
  return (
    <time
      dateTime={iso}
      className="font-mono text-[11px] text-ink-faint tabular"
      title={now ? formatDateTime(new Date(iso), timeZone, true) : undefined}
      data-zoned=""
    >
      {now ? formatClock(new Date(iso), timeZone) : "\u00a0"}
    </time>
  );
}

function ControlButton({ label, icon, onClick, pressed }: { label: string; icon: ReactNode; onClick: () => void; pressed?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={pressed}
      className="inline-flex h-6 items-center gap-1 rounded px-1.5 text-xs text-ink-muted hover:bg-raised hover:text-ink aria-pressed:bg-raised aria-pressed:text-ink"
    >
      {icon}
      {label}
    </button>
  );
}

/** The words; a link entry's words are the link itself, with where it goes beside them. */
function EntryBody({ event }: { event: TimelineEventDto }) {
  const style = cn(
    "text-sm leading-relaxed break-words whitespace-pre-wrap",
    event.struck ? "text-ink-faint line-through" : isSystemKind(event.kind) ? "text-ink-muted" : "text-ink",
  );
  const href = event.kind === "link" ? safeHref(event.data?.url) : null;
  if (event.kind === "alert") {
    return (
      <>
        <p className={style}>{event.body}</p>
        <AlertLinks event={event} />
      </>
    );
  }
  if (!href) return <p className={style}>{event.body}</p>;
  return (
    <p className={style}>
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        className="font-medium text-accent underline decoration-accent/40 underline-offset-2 hover:decoration-accent"
      >
        {event.body}
        <ExternalIcon className="ml-1 inline align-[-2px]" />
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
      <span className="ml-2 text-xs text-ink-faint">{new URL(href).host}</span>
    </p>
  );
}

/** One entry; memoised, so a new event re-renders only the entries that changed. */
export const TimelineEntry = memo(function TimelineEntry({ event, compact, pinnedBy, highlighted }: Props) {
  const { incidentId, viewer, canModerate, changes } = useTimelineActions();
  const [panel, setPanel] = useState<Panel>(null);
  const runner = useChangeRunner();
  const system = isSystemKind(event.kind);
  const struck = event.struck;
  const editable = !struck && canAmendEntry(viewer, event, canModerate);
  const canPin = canModerate && isPinnableKind(event.kind) && !struck;
  const canStrike = canModerate && isStrikableKind(event.kind) && !struck;
  const backdated = new Date(event.recordedAt).getTime() - new Date(event.occurredAt).getTime() > BACKDATE_THRESHOLD_MS;
  const author = event.author?.name ?? "System";
  const toggle = (p: Panel) => {
    runner.clearError();
    setPanel((current) => (current === p ? null : p));
  };
  const common = {
    id: `entry-${event.seq}`,
    "data-seq": event.seq,
    "data-testid": "timeline-entry",
    "data-kind": event.kind,
    "data-pinned": event.pinned || undefined,
    "data-struck": struck ? true : undefined,
    tabIndex: -1,
  };

  if (compact) {
    return (
      <li
        {...common}
        className={cn(
          ROW,
          "grid grid-cols-[2.75rem_auto_auto_minmax(0,1fr)_auto] items-center gap-x-2 px-4 py-1",
          highlighted && "bg-accent/10",
        )}
      >
        <span className="font-mono text-[11px] text-ink-faint tabular">#{event.seq}</span>
        <ShortTime iso={event.occurredAt} />
        <KindTag kind={event.kind} />
        <p
          className={cn("truncate text-sm", struck ? "text-ink-faint line-through" : system ? "text-ink-muted" : "text-ink")}
          title={event.body}
        >
          <span className="font-medium text-ink-muted">{author}: </span>
          {event.body}
        </p>
        <span className="flex items-center gap-1.5">
          {event.pinned ? <PinIcon className="text-accent" aria-label="Pinned" role="img" /> : null}
          <CompactState event={event} />
        </span>
      </li>
    );
  }

  return (
    <li
      {...common}
      className={cn(ROW, "grid grid-cols-[2.75rem_1fr] gap-x-2 px-4 py-2", system && "bg-raised/40", highlighted && "bg-accent/10")}
    >
      <span className="pt-0.5 font-mono text-[11px] text-ink-faint tabular" aria-label={`Entry ${event.seq}`}>
        #{event.seq}
      </span>
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-ink-muted">
          <KindTag kind={event.kind} />
          <span className="font-medium text-ink">{author}</span>
          <Timestamp iso={event.occurredAt} />
          {backdated ? (
            <span className="text-ink-faint">
              (written <Timestamp iso={event.recordedAt} />)
            </span>
          ) : null}
          {event.revisionCount > 0 ? (
            <button
              type="button"
              onClick={() => toggle("history")}
              aria-expanded={panel === "history"}
              className="inline-flex items-center gap-1 rounded px-1 text-ink-faint underline decoration-dotted underline-offset-2 hover:text-ink"
              title="Show earlier versions"
            >
              <HistoryIcon />
              {event.editedAt ? "edited" : `${event.revisionCount} change${event.revisionCount === 1 ? "" : "s"}`}
            </button>
          ) : null}
          {event.pinned ? (
            <span
              className="inline-flex items-center gap-1 rounded border border-accent/40 px-1.5 font-medium text-accent"
              data-testid="pinned-badge"
            >
              <PinIcon /> Pinned{pinnedBy ? ` by ${pinnedBy}` : ""}
            </span>
          ) : null}
          {editable || canPin || canStrike ? (
            // Quiet until the entry is hovered or focused, so a long timeline reads calmly; always there on touch.
            <span
              role="group"
              aria-label={`Change entry #${event.seq}`}
              className={cn(
                "ml-auto flex items-center gap-0.5",
                panel === "edit" || panel === "strike"
                  ? "opacity-100"
                  : "opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 pointer-coarse:opacity-100",
              )}
            >
              {editable ? (
                <ControlButton label="Edit" icon={<EditIcon />} pressed={panel === "edit"} onClick={() => toggle("edit")} />
              ) : null}
              {canPin ? (
                <ControlButton
                  label={event.pinned ? "Unpin" : "Pin"}
                  icon={<PinIcon />}
                  onClick={() => void runner.run(() => changes.pin(event.seq, !event.pinned))}
                />
              ) : null}
              {canStrike ? (
                <ControlButton label="Strike" icon={<StrikeIcon />} pressed={panel === "strike"} onClick={() => toggle("strike")} />
              ) : null}
            </span>
          ) : null}
        </div>

        {panel === "edit" ? (
          <EntryEditor
            event={event}
            busy={runner.busy}
            error={runner.error}
            onCancel={() => setPanel(null)}
            onSave={(patch) => void runner.run(() => changes.amend(event.seq, patch)).then((ok) => ok && setPanel(null))}
          />
        ) : (
          <EntryBody event={event} />
        )}

        <EntryDetails
          event={event}
          editable={editable}
          busy={runner.busy}
          onData={(data) => void runner.run(() => changes.amend(event.seq, { data }))}
        />

        {struck ? (
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-ink-muted" data-testid="struck-note">
            <StrikeIcon className="shrink-0" />
            <span>
              Struck through by <span className="font-medium text-ink">{struck.by?.name ?? "someone"}</span> <Timestamp iso={struck.at} />:{" "}
              <span className="text-ink">{struck.reason}</span>
            </span>
            {canModerate ? (
              <Button
                size="sm"
                variant="ghost"
                className="h-6 px-1.5 text-xs"
                onClick={() => void runner.run(() => changes.restore(event.seq))}
              >
                <RestoreIcon /> Restore
              </Button>
            ) : null}
          </p>
        ) : null}

        {panel === "strike" ? (
          <StrikeForm
            seq={event.seq}
            busy={runner.busy}
            error={runner.error}
            onCancel={() => setPanel(null)}
            onStrike={(reason) => void runner.run(() => changes.strike(event.seq, reason)).then((ok) => ok && setPanel(null))}
          />
        ) : null}
        {panel === "history" ? <EntryHistoryPanel incidentId={incidentId} event={event} /> : null}
        {runner.error && panel !== "edit" && panel !== "strike" ? (
          <p role="alert" className="text-xs font-medium text-bad">
            {runner.error}
          </p>
        ) : null}
      </div>
    </li>
  );
});
