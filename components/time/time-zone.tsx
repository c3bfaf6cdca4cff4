"use client";
import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from "react";

// One time-zone policy for every screen: times are shown in the organisation's zone (its
// setting, Settings → Impact), unless this browser chose the viewer's own zone instead. Every
// absolute time names its zone either way, so two people comparing screens never mix zones up.

export type ZonePreference = "viewer" | "organization";
const KEY = "warroom.timeZone";
const listeners = new Set<() => void>();

function readPreference(): ZonePreference {
  try {
    return window.localStorage.getItem(KEY) === "viewer" ? "viewer" : "organization";
  } catch {
    return "organization";
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
  const preference = useSyncExternalStore(subscribe, readPreference, () => "organization" as const);
  const setPreference = useCallback((p: ZonePreference) => {
    try {
      window.localStorage.setItem(KEY, p);
    } catch {
      // Private mode: the choice lasts until the page is left.
    }
    listeners.forEach((l) => l());
  }, []);
  const timeZone = preference === "organization" && organizationZone ? organizationZone : undefined;
  return { timeZone, preference: organizationZone ? preference : "viewer", organizationZone, setPreference };
}

/** The setting: times in the organisation's zone (the default) or, in this browser, mine. */
export function TimeZoneSetting({ className }: { className?: string }) {
  const { preference, organizationZone, setPreference } = useTimeZone();
  const mine = typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : "your zone";
  return (
    <label className={className ?? "flex min-w-0 items-center gap-1.5 text-xs text-ink-muted"}>
      Times shown in
      <select
        value={preference}
        onChange={(e) => setPreference(e.target.value as ZonePreference)}
        // min-w-0: the longest option sets a select's width; in a phone's side drawer it must shrink to fit.
        className="h-7 min-w-0 max-w-[16rem] rounded border border-line bg-canvas px-1 text-xs text-ink"
        data-testid="time-zone-setting"
        title={
          preference === "organization"
            ? "The organisation's zone (its setting); you can use your own zone in this browser"
            : "Your own zone, chosen in this browser"
        }
      >
        {organizationZone ? <option value="organization">the organisation&apos;s zone ({organizationZone})</option> : null}
        <option value="viewer">my zone, this browser ({mine})</option>
      </select>
    </label>
  );
}
