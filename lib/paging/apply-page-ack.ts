// Acknowledgements coming back from the pager vendors, through the alert webhooks that already
// exist (lib/integrations): PagerDuty webhook v3 `incident.acknowledged` (its `incident_key` is the
// dedup_key we sent) and Opsgenie's `Acknowledge` action (its alias is ours). The matching page's
// team is marked acknowledged, with who did it, in every browser.
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { incidentSelect, toIncidentDto, type IncidentDto } from "../incident-record/incident-dto.ts";
import { publishIncidentUpdated, publishTimelineEvent } from "../realtime/emit.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { amendPageTold } from "./record-page-told.ts";

export interface PageAck {
  dedupKey: string;
  by: string;
  vendor: "PagerDuty" | "Opsgenie";
  at: Date;
}

const obj = (v: unknown): Record<string, unknown> | null => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, 200) : null);
const when = (v: unknown): Date | null => {
  const d = typeof v === "string" || typeof v === "number" ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

function readPagerDuty(body: Record<string, unknown>): PageAck | null {
  const event = obj(body.event);
  if (!event || event.event_type !== "incident.acknowledged") return null;
  const data = obj(event.data);
  const dedupKey = str(data?.incident_key);
  if (!data || !dedupKey) return null;
  // The agent is who acknowledged when it is a person; else the first assignee is the best we know.
  const agent = obj(event.agent);
  const assignee = Array.isArray(data.assignees) ? obj(data.assignees[0]) : null;
  const by = (agent?.type === "user_reference" ? str(agent.summary) : null) ?? str(assignee?.summary) ?? str(agent?.summary) ?? "someone";
  return { dedupKey, by, vendor: "PagerDuty", at: when(event.occurred_at) ?? new Date() };
}

function readOpsgenie(body: Record<string, unknown>): PageAck | null {
  if (body.action !== "Acknowledge") return null;
  const alert = obj(body.alert);
  const dedupKey = str(alert?.alias);
  if (!alert || !dedupKey) return null;
  return { dedupKey, by: str(alert.username) ?? "someone", vendor: "Opsgenie", at: new Date() };
}

/** The acknowledgement a vendor's webhook carries, or null when it carries none. Never throws. */
export function readPageAck(kind: string, raw: string): PageAck | null {
  if (kind !== "pagerduty" && kind !== "opsgenie") return null;
  let body: Record<string, unknown> | null;
  try {
    body = obj(JSON.parse(raw));
  } catch {
    return null;
  }
  if (!body) return null;
  if (kind === "pagerduty") return readPagerDuty(body);
  if (kind === "opsgenie") return readOpsgenie(body);
  return null;
}

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
      data: { status: "acknowledged", acknowledgedAt: ack.at, acknowledgedBy: `${ack.by} via ${ack.vendor}`, nextEscalationAt: null, lastError: "" },
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
  const row = await tx.incident.findUnique({ where: { id: incidentId }, select: { acknowledgedAt: true, startedAt: true, detectedAt: true } });
  if (!row || row.acknowledgedAt) return null;
  const floor = Math.max(row.startedAt.getTime(), row.detectedAt?.getTime() ?? 0);
  const { count } = await tx.incident.updateMany({ where: { id: incidentId, acknowledgedAt: null }, data: { acknowledgedAt: new Date(Math.max(at.getTime(), floor)) } });
  return count ? toIncidentDto(await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: incidentSelect })) : null;
}

/** The hook the alert ingest calls for PagerDuty and Opsgenie sources: true when a page was acknowledged. */
export async function applyPageAcknowledgement(organizationId: string, kind: string, raw: string): Promise<boolean> {
  const ack = readPageAck(kind, raw);
  return ack ? (await acknowledgePage(organizationId, ack)) !== null : false;
}
