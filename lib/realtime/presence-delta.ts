// Client-safe: applies a presence delta to the list a browser holds (no I/O, unit-tested).
import type { PresenceDelta, PresenceUser } from "./protocol.ts";

// One collator: String#localeCompare builds its collation per call, slow for a thousand names.
const collator = new Intl.Collator(undefined, { sensitivity: "base" });

export const byName = (a: PresenceUser, b: PresenceUser) => collator.compare(a.name, b.name);

/** The list after `delta`: joined added (or replaced), left removed, sorted by name. Same list when nothing changed. */
export function applyPresenceDelta(users: PresenceUser[], delta: Pick<PresenceDelta, "joined" | "left">): PresenceUser[] {
  if (delta.joined.length === 0 && delta.left.length === 0) return users;
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const u of delta.joined) byId.set(u.id, u);
  for (const id of delta.left) byId.delete(id);
  return [...byId.values()].sort(byName);
}
