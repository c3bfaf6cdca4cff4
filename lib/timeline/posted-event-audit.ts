import type { AuditEntry } from "../audit/record-audit.ts";
import { type TimelineEventDto } from "./event-dto.ts";

export const AUDIT = { action: "timeline.post", entityType: "TimelineEvent" } as const satisfies Pick<AuditEntry, "action" | "entityType">;

/** A new entry's audit row, whichever way it is written: the entry's DTO, as toEventDto makes it. */
export function postedEventAudit(event: TimelineEventDto): AuditEntry {
  return { ...AUDIT, entityId: event.id, after: event };
}
