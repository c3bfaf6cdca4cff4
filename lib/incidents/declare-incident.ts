import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { enqueueOutbound } from "../outbound/enqueue-outbound.ts";
import { kickOutbound } from "../outbound/kick-outbound.ts";
import { publishIncidentDeclared, publishTimelineEvent } from "../realtime/emit.ts";
import { appendEvent } from "../timeline/append-event.ts";
import { SEVERITY_INFO } from "../vocabulary/incidents.ts";
import { incidentSelect, toIncidentDto, type IncidentDto } from "../incident-record/incident-dto.ts";
import { ZDeclareIncident } from "../incident-record/schemas.ts";

/** Declares an incident; the declarer takes command until they hand it over. */
export async function declareIncident(actor: Actor, input: unknown): Promise<IncidentDto> {
  assertCan(actor, "incident:declare");
  const data = ZDeclareIncident.parse(input);

  const now = new Date();
  const { incident, event } = await db().$transaction(async (tx) => {
    const org = await tx.organization.update({
      where: { id: actor.organizationId },
      data: { lastIncidentNumber: { increment: 1 } },
      select: { lastIncidentNumber: true },
    });
    const created = await tx.incident.create({
      data: {
        organizationId: actor.organizationId,
        number: org.lastIncidentNumber,
        title: data.title,
        summary: data.summary,
        severity: data.severity,
        commanderId: actor.userId,
        declaredById: actor.userId,
        // A person declaring it has, by definition, acknowledged it.
        startedAt: now,
        acknowledgedAt: now,
      },
      select: incidentSelect,
    });
    const event = await appendEvent(tx, {
      incidentId: created.id,
      kind: "status_change",
      body: `Declared ${SEVERITY_INFO[data.severity].label} · investigating · ${actor.name} is incident commander`,
      authorId: actor.userId,
    });
    const incident = toIncidentDto({ ...created, lastSeq: event.seq });
    await recordAudit(tx, actor, { action: "incident.declare", entityType: "Incident", entityId: created.id, after: incident });
    await enqueueOutbound(tx, { organizationId: actor.organizationId, event: "incident.declared", incident, occurredAt: now });
    return { incident, event };
  });

  publishIncidentDeclared(actor.organizationId, incident);
  publishTimelineEvent(event);
  kickOutbound();
  return incident;
}
