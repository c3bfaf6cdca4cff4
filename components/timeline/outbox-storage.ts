"use client";
import type { PendingEntry } from "@/lib/timeline/room-state.ts";

// The outbox lives in localStorage so entries typed while offline survive a reload.
const key = (incidentId: string) => `warroom:outbox:${incidentId}`;

export function loadOutbox(incidentId: string): PendingEntry[] {
  if (typeof window === "undefined") return [];
  try {
    const parsed = JSON.parse(window.localStorage.getItem(key(incidentId)) ?? "[]") as unknown;
    if (!Array.isArray(parsed)) return [];
    // Whatever was "sending" when the tab died is unconfirmed: send it again (ids make it safe).
    return (parsed as PendingEntry[]).map((p) => (p.state === "sending" ? { ...p, state: "queued" } : p));
  } catch {
    return [];
  }
}

export function saveOutbox(incidentId: string, pending: PendingEntry[]): void {
  try {
    if (pending.length) window.localStorage.setItem(key(incidentId), JSON.stringify(pending));
    else window.localStorage.removeItem(key(incidentId));
  } catch {
    // Storage full or disabled: the entries stay in memory and are still sent.
  }
}

/** A client id for idempotent retries; works on plain-http hosts where randomUUID is missing. */
export function newClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
