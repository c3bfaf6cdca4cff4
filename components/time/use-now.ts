"use client";
import { useSyncExternalStore } from "react";

// One shared ticker per interval, so a page with many clocks sets one timer, not hundreds.
const tickers = new Map<number, { now: number; listeners: Set<() => void>; timer?: ReturnType<typeof setInterval> }>();

function subscribe(intervalMs: number, listener: () => void): () => void {
  let t = tickers.get(intervalMs);
  if (!t) {
    t = { now: Date.now(), listeners: new Set() };
    tickers.set(intervalMs, t);
  }
  const ticker = t;
  ticker.listeners.add(listener);
  ticker.timer ??= setInterval(() => {
    ticker.now = Date.now();
    ticker.listeners.forEach((l) => l());
  }, intervalMs);
  return () => {
    ticker.listeners.delete(listener);
    if (!ticker.listeners.size && ticker.timer) {
      clearInterval(ticker.timer);
      ticker.timer = undefined;
    }
  };
}

/**
 * The current time, re-rendering every `intervalMs`; null while server-rendering, so times are
 * only ever shown in the viewer's own timezone (no hydration mismatch).
 */
export function useNow(intervalMs = 1000): Date | null {
  const now = useSyncExternalStore(
    (l) => subscribe(intervalMs, l),
    () => tickers.get(intervalMs)?.now ?? Date.now(),
    () => null,
  );
  return now === null ? null : new Date(now);
}
