import type { AuditPrincipal } from "../audit/audit-principal.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Prisma } from "../db/generated/client.ts";
import { enqueueOutbound } from "../outbound/enqueue-outbound.ts";
import { kickOutbound } from "../outbound/kick-outbound.ts";
import { publishIncidentDeclared, publishTimelineEvent } from "../realtime/emit.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import type { SeverityName } from "../vocabulary/incidents.ts";
import { incidentSelect, toIncidentDto, type IncidentDto } from "../incident-record/incident-dto.ts";

export interface NewIncident {
  title: string;
  summary: string;
  severity: SeverityName;
  tags?: string[];
  commanderId?: string;
  startedAt: Date;
  detectedAt?: Date;
  acknowledgedAt?: Date;
  /** A drill's practice incident: outbound channels that do not accept drills never hear of it. */
  drillId?: string;
  serviceIds?: string[];
  /** Appends the opening entries (and whatever goes with them), in order; the incident row exists. */
  open: (tx: Prisma.TransactionClient, incidentId: string) => Promise<TimelineEventDto[]>;
  /** Beside the incident in the audit row's `after`: where it came from, when not a person. */
  auditSource?: { integrationId: string | null; integration: string; dedupKey: string };
  /** The outbound `incident.declared` message's specifics and time. */
  outbound?: { data?: Record<string, unknown>; occurredAt?: Date };
}

export interface DeclaredIncident {
  incident: IncidentDto;
  /** The entries `open` appended, to push after commit. */
  events: TimelineEventDto[];
}

/**
 * The one way an incident comes to exist, whoever declares it (a person, an alert source, a drill):
 * the organisation's next number, the row, its opening entries, the `incident.declare` audit row
 * and the outbound queue, in the caller's transaction. The principal's user (if any) is recorded
 * as the declarer. Push the result with announceDeclared once the transaction committed.
 */
export async function createIncidentInTx(
  tx: Prisma.TransactionClient,
  principal: AuditPrincipal,
  fields: NewIncident,
): Promise<DeclaredIncident> {
  const org = await tx.organization.update({
    where: { id: principal.organizationId },
    data: { lastIncidentNumber: { increment: 1 } },
    select: { lastIncidentNumber: true },
  });
  const created = await tx.incident.create({
    data: {
      organizationId: principal.organizationId,
      number: org.lastIncidentNumber,
      title: fields.title,
      summary: fields.summary,
      severity: fields.severity,
      tags: fields.tags,
      commanderId: fields.commanderId,
      declaredById: principal.actorId,
      startedAt: fields.startedAt,
      detectedAt: fields.detectedAt,
      acknowledgedAt: fields.acknowledgedAt,
      drillId: fields.drillId,
      ...(fields.serviceIds?.length ? { services: { create: fields.serviceIds.map((serviceId) => ({ serviceId })) } } : {}),
    },
    select: { id: true },
  });
  const events = await fields.open(tx, created.id);
  // Read back after the opening entries: they move lastSeq and may suggest a commander.
  const incident = toIncidentDto(await tx.incident.findUniqueOrThrow({ where: { id: created.id }, select: incidentSelect }));
  await recordAudit(tx, principal, {
    action: "incident.declare",
    entityType: "Incident",
    entityId: incident.id,
    after: fields.auditSource ? { ...incident, source: fields.auditSource } : incident,
  });
  await enqueueOutbound(tx, { organizationId: principal.organizationId, event: "incident.declared", incident, ...fields.outbound });
  return { incident, events };
}

/** After commit: the new incident to the organisation, its entries to its room, the outbox sender woken. */
export function announceDeclared(organizationId: string, declared: DeclaredIncident): void {
  publishIncidentDeclared(organizationId, declared.incident);
  for (const event of declared.events) publishTimelineEvent(event);
  kickOutbound();
}
