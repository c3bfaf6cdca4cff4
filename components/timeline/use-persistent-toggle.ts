"use client";
import { useCallback, useSyncExternalStore } from "react";

// Choices made in this page, so a toggle still applies when storage is disabled (not remembered).
const chosen = new Map<string, boolean>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function read(key: string): boolean {
  const picked = chosen.get(key);
  if (picked !== undefined) return picked;
  try {
    return window.localStorage.getItem(key) === "1";
  } catch {
    // Storage disabled: the default it is.
    return false;
  }
}

/** A view preference kept in this browser (compact timeline…); off in the server render, read on hydration. */
export function usePersistentToggle(key: string): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => false,
  );
  const set = useCallback(
    (next: boolean) => {
      chosen.set(key, next);
      try {
        window.localStorage.setItem(key, next ? "1" : "0");
      } catch {
        // Not remembered, still applied.
      }
      for (const l of listeners) l();
    },
    [key],
  );
  return [on, set];
}
