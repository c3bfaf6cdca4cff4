"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { NamedTeam } from "@/lib/timeline/match-team.ts";
import { canModerateTimeline, type TimelineViewer } from "@/lib/timeline/entry-permissions.ts";
import {
  authorsOf,
  isNarrowed,
  NO_FILTERS,
  pinnedByOf,
  struckCount,
  visibleEntries,
  type TimelineFilters,
} from "@/lib/timeline/timeline-view.ts";
import { Button } from "../ui/button.tsx";
import { Composer } from "./composer.tsx";
import { pageTeamFromRoom } from "./page-team-from-room.ts";
import { ContextBanner } from "./context-banner.tsx";
import { PinnedStrip } from "./pinned-strip.tsx";
import { TimelineActionsContext, type TimelineActions } from "./timeline-actions.ts";
import { OlderMatches } from "./older-matches.tsx";
import { TimelineList } from "./timeline-list.tsx";
import { Toggle, TimelineToolbar } from "./timeline-toolbar.tsx";
import type { IncidentRoomState } from "./use-incident-room.ts";
import { useEntryContext } from "./use-entry-context.ts";
import { useHistorySearch } from "./use-history-search.ts";
import { usePersistentToggle } from "./use-persistent-toggle.ts";
import { usePinnedEntries } from "./use-pinned-entries.ts";

interface Props {
  room: IncidentRoomState;
  viewer: TimelineViewer;
  /** The incident's commander: they moderate its timeline whatever their role. */
  commanderId: string | null;
  canPost: boolean;
  /** The catalog's teams, for the composer's `/notify`. */
  teams: readonly NamedTeam[];
}

const HIGHLIGHT_MS = 4000;
/** Entries further back than this from the loaded ones are shown in context rather than loaded. */
const NEAR_JUMP = 500;

/** The room's main column: filters, pinned key moments, the timeline and the composer. */
export function TimelinePanel({ room, viewer, commanderId, canPost, teams }: Props) {
  const { state, incidentId } = room;
  const [filters, setFilters] = useState<TimelineFilters>(NO_FILTERS);
  const [compact, setCompact] = usePersistentToggle("warroom:timeline:compact");
  // The entry jumped to: highlighted until HIGHLIGHT_MS after it is scrolled into view. A new
  // object per jump, so jumping to the same entry again scrolls again.
  const [jump, setJump] = useState<{ seq: number } | null>(null);
  const landedRef = useRef<{ seq: number } | null>(null);
  const highlight = jump?.seq ?? null;
  const followRef = useRef(true);

  const visible = useMemo(() => visibleEntries(state.events, filters), [state.events, filters]);
  const authors = useMemo(() => authorsOf(state.events), [state.events]);
  const struck = useMemo(() => struckCount(state.events), [state.events]);
  const pinnedBy = useMemo(() => pinnedByOf(state.events), [state.events]);
  const pinned = usePinnedEntries(incidentId, state.events, state.amended);
  const firstSeq = state.events[0]?.seq;
  const history = useHistorySearch(incidentId, filters, firstSeq, state.amended);

  const { loadOlderUntil, current: currentRoom } = room;
  const entryContext = useEntryContext(incidentId);
  const { open: openContext, close: closeContext } = entryContext;
  // Changes applied live since the page around the entry was fetched show there too.
  const shownContext = useMemo(
    () =>
      entryContext.context
        ? visibleEntries(
            entryContext.context.events.map((e) => state.amended[e.seq] ?? e),
            filters,
          )
        : null,
    [entryContext.context, state.amended, filters],
  );
  const jumpTo = useCallback(
    (seq: number) => {
      followRef.current = false;
      setJump({ seq });
      if (document.getElementById(`entry-${seq}`)) return;
      const { events, amended, hasOlder } = currentRoom();
      const target = events.find((e) => e.seq === seq) ?? amended[seq];
      // Whatever hides the entry gives way: filters, and the struck-through toggle when it is struck.
      setFilters((f) => ({ ...NO_FILTERS, showChanges: f.showChanges, showStruck: f.showStruck || Boolean(target?.struck) }));
      const first = events[0]?.seq ?? 1;
      if (seq >= first || !hasOlder) return closeContext();
      // A little further back: load the pages in between. Far back: show the entries around it.
      if (first - seq <= NEAR_JUMP) {
        closeContext();
        void loadOlderUntil(seq);
      } else {
        void openContext(seq);
      }
    },
    [loadOlderUntil, openContext, closeContext, currentRoom],
  );

  const backToLatest = useCallback(() => {
    closeContext();
    followRef.current = true;
  }, [closeContext]);

  const { post: postEntry } = room;
  const post = useCallback<typeof postEntry>(
    (...args) => {
      // What you post shows at the bottom of the live timeline: go there.
      backToLatest();
      postEntry(...args);
    },
    [backToLatest, postEntry],
  );

  // Scroll once the entry is on screen (at once, or after filters cleared and older pages loaded).
  useEffect(() => {
    if (!jump || landedRef.current === jump) return;
    const el = document.getElementById(`entry-${jump.seq}`);
    if (!el) return;
    landedRef.current = jump;
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
    // Not cleared by the next render of the list: the highlight lasts from landing. A newer jump
    // is left alone (it replaced this one).
    setTimeout(() => setJump((latest) => (latest === jump ? null : latest)), HIGHLIGHT_MS);
  }, [jump, visible, shownContext]);

  const canModerate = canModerateTimeline(viewer, { commanderId });
  const actions = useMemo<TimelineActions>(
    () => ({ incidentId, viewer, canModerate, changes: room.changes, jumpTo }),
    [incidentId, viewer, canModerate, room.changes, jumpTo],
  );

  const narrowed = isNarrowed(filters);
  const inContext = entryContext.context !== null;
  const set = (patch: Partial<TimelineFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <TimelineActionsContext.Provider value={actions}>
      <TimelineToolbar
        filters={filters}
        onChange={setFilters}
        authors={authors}
        onSearchHistory={state.hasOlder && firstSeq !== undefined ? () => void history.search(false) : null}
      />
      <PinnedStrip entries={pinned} onJump={jumpTo}>
        <Toggle pressed={filters.showStruck} onClick={() => set({ showStruck: !filters.showStruck })}>
          Struck-through <span className="tabular">({struck})</span>
        </Toggle>
        <Toggle pressed={filters.showChanges} onClick={() => set({ showChanges: !filters.showChanges })}>
          All changes
        </Toggle>
        <Toggle pressed={compact} onClick={() => setCompact(!compact)}>
          Compact
        </Toggle>
      </PinnedStrip>
      {entryContext.context ? <ContextBanner around={entryContext.context.around} onBack={backToLatest} /> : null}
      <TimelineList
        key={entryContext.context ? `around-${entryContext.context.around}` : "live"}
        items={shownContext ?? visible}
        pending={narrowed || inContext ? [] : state.pending}
        hasOlder={entryContext.context ? entryContext.context.hasEarlier : state.hasOlder}
        compact={compact}
        pinnedBy={pinnedBy}
        highlightSeq={highlight}
        followRef={followRef}
        before={
          narrowed && !inContext ? (
            <OlderMatches history={history} canSearch={state.hasOlder} compact={compact} pinnedBy={pinnedBy} highlightSeq={highlight} />
          ) : null
        }
        after={
          entryContext.context?.hasLater ? (
            <div className="flex justify-center p-3">
              <Button size="sm" variant="secondary" disabled={entryContext.loading} onClick={() => void entryContext.later()}>
                Show later entries
              </Button>
            </div>
          ) : null
        }
        empty={
          narrowed ? (
            <p className="p-6 text-center text-sm text-ink-muted">
              No loaded entry matches.{" "}
              <button
                type="button"
                className="text-accent underline underline-offset-2"
                onClick={() => setFilters((f) => ({ ...NO_FILTERS, showStruck: f.showStruck, showChanges: f.showChanges }))}
              >
                Clear filters
              </button>
            </p>
          ) : (
            <p className="p-6 text-center text-ink-muted">No entries yet. Write what you see, what you tried, what you decided.</p>
          )
        }
        onLoadOlder={() => void (entryContext.context ? entryContext.earlier() : room.loadOlder())}
        onRetry={room.retry}
        onDiscard={room.discard}
      />
      {canPost ? (
        <Composer onPost={post} teams={teams} onPage={(team, reason) => pageTeamFromRoom(incidentId, team, reason)} />
      ) : (
        <p className="border-t border-line bg-surface p-4 text-sm text-ink-muted">
          You have read-only access. Ask an admin for the responder role to post.
        </p>
      )}
    </TimelineActionsContext.Provider>
  );
}
