"use client";
import { useSyncExternalStore } from "react";
import { applyRoomAction, type RoomAction, type RoomState } from "@/lib/timeline/room-state.ts";

/**
 * A room's timeline state outside React: the outbox's sender reads what is pending right after it
 * dispatches, before React renders, so the state must be readable at once (a ref copied in render
 * would lag behind, and hand-mirroring the reducer into it could drift from it).
 */
export interface RoomStore {
  get(): RoomState;
  dispatch(action: RoomAction): void;
  subscribe(listener: () => void): () => void;
}

export function createRoomStore(initial: RoomState): RoomStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    dispatch: (action) => {
      const next = applyRoomAction(state, action);
      if (next === state) return;
      state = next;
      for (const l of listeners) l();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useRoomState(store: RoomStore): RoomState {
  // The server renders the same initial state the browser starts from.
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
