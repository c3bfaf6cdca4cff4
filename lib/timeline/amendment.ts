// Client-safe: what an amendment event carries. Every change to an earlier entry is appended as
// its own event (kind "amendment", targetSeq = the entry's seq) with a snapshot of the entry after
// the change, so browsers apply changes through the same gapless stream as new entries.
import type { TimelineEventDto } from "./event-dto.ts";

export const AMENDMENT_CHANGES = ["correct", "outcome", "state", "acknowledge", "pin", "unpin", "strike", "unstrike"] as const;
export type AmendmentChange = (typeof AMENDMENT_CHANGES)[number];

export interface AmendmentData {
  change: AmendmentChange;
  /** The changed entry as it is after this change. */
  entry: TimelineEventDto;
}

/** The snapshot an amendment carries, or null when the event is not a well-formed amendment. */
export function amendmentOf(event: TimelineEventDto): AmendmentData | null {
  if (event.kind !== "amendment" || event.targetSeq === null || !event.data) return null;
  const { change, entry } = event.data as { change?: unknown; entry?: unknown };
  if (typeof change !== "string" || !(AMENDMENT_CHANGES as readonly string[]).includes(change)) return null;
  if (typeof entry !== "object" || entry === null) return null;
  const snapshot = entry as TimelineEventDto;
  if (snapshot.seq !== event.targetSeq || snapshot.incidentId !== event.incidentId) return null;
  return { change: change as AmendmentChange, entry: snapshot };
}
