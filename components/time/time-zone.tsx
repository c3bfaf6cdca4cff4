"use client";
import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from "react";

// One time-zone policy for every screen: times are shown in the viewer's own zone, or in the
// organisation's when the viewer chose so (kept in this browser). Every absolute time names
// its zone either way.

export type ZonePreference = "viewer" | "organization";
const KEY = "warroom.timeZone";
const listeners = new Set<() => void>();

function readPreference(): ZonePreference {
  try {
    return window.localStorage.getItem(KEY) === "organization" ? "organization" : "viewer";
  } catch {
    return "viewer";
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

const OrgZone = createContext<string | null>(null);

export function TimeZoneProvider({ organizationZone, children }: { organizationZone: string; children: ReactNode }) {
  return <OrgZone.Provider value={organizationZone}>{children}</OrgZone.Provider>;
}

export interface TimeZonePolicy {
  /** The IANA zone to format in; undefined means the viewer's own (the browser's). */
  timeZone: string | undefined;
  preference: ZonePreference;
  organizationZone: string | null;
  setPreference: (p: ZonePreference) => void;
}

export function useTimeZone(): TimeZonePolicy {
  const organizationZone = useContext(OrgZone);
  const preference = useSyncExternalStore(subscribe, readPreference, () => "viewer" as const);
  const setPreference = useCallback((p: ZonePreference) => {
    try {
      window.localStorage.setItem(KEY, p);
    } catch {
      // Private mode: the choice lasts until the page is left.
    }
    listeners.forEach((l) => l());
  }, []);
  const timeZone = preference === "organization" && organizationZone ? organizationZone : undefined;
  return { timeZone, preference, organizationZone, setPreference };
}

/** The setting: show times in my zone or in the organisation's. */
export function TimeZoneSetting({ className }: { className?: string }) {
  const { preference, organizationZone, setPreference } = useTimeZone();
  const mine = typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : "your zone";
  return (
    <label className={className ?? "flex items-center gap-1.5 text-xs text-ink-muted"}>
      Times in
      <select
        value={preference}
        onChange={(e) => setPreference(e.target.value as ZonePreference)}
        className="h-7 rounded border border-line bg-canvas px-1 text-xs text-ink"
        data-testid="time-zone-setting"
      >
        <option value="viewer">my zone ({mine})</option>
        {organizationZone ? <option value="organization">the organisation&apos;s ({organizationZone})</option> : null}
      </select>
    </label>
  );
}
