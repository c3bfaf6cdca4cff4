import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { incidentSelect, toIncidentDto, type IncidentDto } from "../incident-record/incident-dto.ts";
import { publishIncidentUpdated, publishTimelineEvent } from "../realtime/emit.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { amendPageTold } from "./record-page-told.ts";
import type { PageAck } from "./page-ack.ts";

/**
 * Marks the organisation's open page with this key acknowledged. Repeats (the vendor delivers
 * at least once) and keys that are not ours change nothing. Returns the amendment written.
 */
export async function acknowledgePage(organizationId: string, ack: PageAck): Promise<TimelineEventDto | null> {
  const amendment = await db().$transaction(async (tx) => {
    const page = await tx.page.findFirst({
      where: { organizationId, dedupKey: ack.dedupKey, status: { in: ["triggered", "failed"] } },
      select: { id: true, incidentId: true, eventSeq: true, team: { select: { name: true } } },
    });
    if (!page) return null;
    // The claim: only one of two concurrent deliveries of the same acknowledgement writes.
    const claimed = await tx.page.updateMany({
      where: { id: page.id, status: { in: ["triggered", "failed"] } },
      data: {
        status: "acknowledged",
        acknowledgedAt: ack.at,
        acknowledgedBy: `${ack.by} via ${ack.vendor}`,
        nextEscalationAt: null,
        lastError: "",
      },
    });
    if (claimed.count === 0) return null;
    const incident = await acknowledgeIncident(tx, page.incidentId, ack.at);
    const event = await amendPageTold(tx, {
      incidentId: page.incidentId,
      seq: page.eventSeq,
      change: "acknowledge",
      body: `${ack.by} acknowledged the page to ${page.team.name} (${ack.vendor})${incident ? "; the incident is acknowledged" : ""}`,
      patch: { acknowledgedAt: ack.at.toISOString(), acknowledgedBy: `${ack.by} via ${ack.vendor}` },
    });
    return { event, incident };
  });
  if (!amendment) return null;
  if (amendment.incident) publishIncidentUpdated(organizationId, amendment.incident);
  if (amendment.event) publishTimelineEvent(amendment.event);
  return amendment.event;
}

/**
 * An incident opened by an alert has nobody's acknowledgement yet; the first person to answer a
 * page is it (MTTA counts to here). One a person already gave (declaring, or the key-time editor)
 * stays. Never before the incident was detected or started, which key times must not contradict.
 */
async function acknowledgeIncident(tx: Prisma.TransactionClient, incidentId: string, at: Date): Promise<IncidentDto | null> {
  const row = await tx.incident.findUnique({
    where: { id: incidentId },
    select: { acknowledgedAt: true, startedAt: true, detectedAt: true },
  });
  if (!row || row.acknowledgedAt) return null;
  const floor = Math.max(row.startedAt.getTime(), row.detectedAt?.getTime() ?? 0);
  const { count } = await tx.incident.updateMany({
    where: { id: incidentId, acknowledgedAt: null },
    data: { acknowledgedAt: new Date(Math.max(at.getTime(), floor)) },
  });
  return count ? toIncidentDto(await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: incidentSelect })) : null;
}
