import type { Actor } from "../auth/actor.ts";
import { recordAudit, type AuditEntry } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import type { EventKind, Prisma } from "../db/generated/client.ts";
import { enqueueOutbound, type EnqueueOutboundInput } from "../outbound/enqueue-outbound.ts";
import { kickOutbound } from "../outbound/kick-outbound.ts";
import { publishIncidentUpdated, publishTimelineEvent } from "../realtime/emit.ts";
import { appendEvent } from "../timeline/append-event.ts";
import { incidentSelect, toIncidentDto, type IncidentDto } from "../incident-record/incident-dto.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";

export interface IncidentChange {
  kind: EventKind;
  body: string;
  data: Record<string, unknown>;
  audit: Omit<AuditEntry, "entityType" | "entityId">;
  /** A change people outside the room hear about (notification channels), queued with it. */
  outbound?: Omit<EnqueueOutboundInput, "organizationId" | "incident">;
}

/**
 * The shared tail of a one-change incident write: `run` locks and changes the incident in the
 * transaction and says what changed (or null for a no-op); the change is logged on the timeline
 * and in the audit log, and only after commit pushed to the room and the organisation.
 */
export async function commitIncidentChange(
  actor: Actor,
  incidentId: string,
  run: (tx: Prisma.TransactionClient) => Promise<IncidentChange | null>,
): Promise<IncidentDto> {
  const { incident, event } = await db().$transaction(async (tx) => {
    const change = await run(tx);
    const event = change
      ? await appendEvent(tx, { incidentId, kind: change.kind, body: change.body, data: change.data, authorId: actor.userId })
      : null;
    if (change) await recordAudit(tx, actor, { ...change.audit, entityType: "Incident", entityId: incidentId });
    const incident = toIncidentDto(await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: incidentSelect }));
    if (change?.outbound) await enqueueOutbound(tx, { organizationId: actor.organizationId, incident, ...change.outbound });
    return { incident, event };
  }, TX_OPTIONS);
  if (event) {
    publishIncidentUpdated(actor.organizationId, incident);
    publishTimelineEvent(event);
    kickOutbound();
  }
  return incident;
}
