"use client";
import { useSyncExternalStore } from "react";

const never = () => () => undefined;

/**
 * This server's public origin as the browser sees it: what a source must post to. The server
 * render (which cannot know it) shows `fallback`; the browser swaps in its own on hydration.
 */
export function useOrigin(fallback = ""): string {
  return useSyncExternalStore(
    never,
    () => window.location.origin,
    () => fallback,
  );
}
