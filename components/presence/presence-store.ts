"use client";
import { useSyncExternalStore } from "react";
import { applyPresenceDelta, byName } from "@/lib/realtime/presence-delta.ts";
import type { PresenceDelta, PresenceUser } from "@/lib/realtime/protocol.ts";

/**
 * Who is in the room, outside React state: in a herd a delta lands every presence window, and only
 * the components that show presence should render for it, not the whole room.
 */
export interface PresenceStore {
  get(): PresenceUser[];
  replace(users: PresenceUser[]): void;
  apply(delta: Pick<PresenceDelta, "joined" | "left">): void;
  subscribe(listener: () => void): () => void;
}

export function createPresenceStore(): PresenceStore {
  let users: PresenceUser[] = [];
  const listeners = new Set<() => void>();
  const set = (next: PresenceUser[]) => {
    if (next === users) return;
    users = next;
    for (const l of listeners) l();
  };
  return {
    get: () => users,
    replace: (next) => set([...next].sort(byName)),
    apply: (delta) => set(applyPresenceDelta(users, delta)),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const EMPTY: PresenceUser[] = [];

export function usePresence(store: PresenceStore): PresenceUser[] {
  return useSyncExternalStore(store.subscribe, store.get, () => EMPTY);
}
