// Client-safe: who may change which entry. The UI uses it to show only the buttons a person can
// use; lib/timeline/change-entry.ts enforces the same rules inside the writing transaction.
import { can, type RoleName } from "../auth/permissions.ts";
import { POSTABLE_KINDS, type EventKindName } from "../vocabulary/timeline.ts";

export interface TimelineViewer {
  userId: string;
  role: RoleName;
}

/**
 * Correct anyone's entries, pin and strike through: commanders and admins, and whoever is in
 * command of this incident (a responder who declared it runs it until they hand over).
 */
export function canModerateTimeline(viewer: TimelineViewer, incident: { commanderId: string | null }): boolean {
  return can(viewer.role, "timeline:moderate") || (incident.commanderId === viewer.userId && can(viewer.role, "timeline:amend-own"));
}

/** Entries people wrote can be corrected; what the system recorded (status, alerts, changes) cannot. */
export function isAmendableKind(kind: EventKindName): boolean {
  return (POSTABLE_KINDS as readonly string[]).includes(kind);
}

/** Anything but a change record can be a key moment, status changes included. */
export function isPinnableKind(kind: EventKindName): boolean {
  return kind !== "amendment";
}

/** People's entries and alerts (a false alarm) can be struck through; the record of state changes cannot. */
export function isStrikableKind(kind: EventKindName): boolean {
  return isAmendableKind(kind) || kind === "alert";
}

/** Text, outcome, state or acknowledgement: the author, or a moderator. */
export function canAmendEntry(
  viewer: TimelineViewer,
  entry: { kind: EventKindName; author: { id: string } | null },
  canModerate: boolean,
): boolean {
  if (!isAmendableKind(entry.kind)) return false;
  if (canModerate) return true;
  return entry.author?.id === viewer.userId && can(viewer.role, "timeline:amend-own");
}
