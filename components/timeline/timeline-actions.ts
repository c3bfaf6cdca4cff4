"use client";
import { createContext, useCallback, useContext, useState } from "react";
import type { TimelineViewer } from "@/lib/timeline/entry-permissions.ts";
import type { ApiResult } from "../api/api-client.ts";
import type { EntryChange, EntryChanges } from "./use-incident-room.ts";

/**
 * What every entry needs to offer its controls: who is looking, what they may do, and how to
 * change an entry. One stable value for the whole list, so memoised entries do not re-render.
 */
export interface TimelineActions {
  incidentId: string;
  viewer: TimelineViewer;
  canModerate: boolean;
  changes: EntryChanges;
  /** Scrolls to an entry, loading earlier pages when it is not on screen yet. */
  jumpTo: (seq: number) => void;
}

export const TimelineActionsContext = createContext<TimelineActions | null>(null);

export function useTimelineActions(): TimelineActions {
  const ctx = useContext(TimelineActionsContext);
  if (!ctx) throw new Error("useTimelineActions must be used inside the timeline");
  return ctx;
}

/** Runs one change at a time for an entry, keeping what went wrong to show beside it. */
export function useChangeRunner() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (request: () => Promise<ApiResult<EntryChange>>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const res = await request();
    setBusy(false);
    if (!res.ok) {
      const fieldMessages = Object.values(res.error.fields);
      setError(
        res.error.status === 0 ? "Offline: the change was not saved. Try again when back online." : (fieldMessages[0] ?? res.error.message),
      );
      return false;
    }
    return true;
  }, []);
  return { run, busy, error, clearError: useCallback(() => setError(null), []) };
}
