// The outbox: notifications are rows written in the caller's transaction, so a change and its
// notifications commit together (or not at all) and nothing is sent before commit. The sender
// (start-outbound-sender.ts) delivers them in the background; call kickOutbound() after commit.
import { computeBlastRadius } from "../catalog/blast-radius.ts";
import type { Prisma } from "../db/generated/client.ts";
import { publicUrl } from "../env.ts";
import type { IncidentDto } from "../incident-record/incident-dto.ts";
import type { OutboundEvent, OutboundKindName } from "./events.ts";
import type { IncidentSnapshot, OutboundMessage } from "./outbound-message.ts";
import { renderPayload } from "./render-payload.ts";

type Tx = Prisma.TransactionClient;

export interface EnqueueOutboundInput {
  organizationId: string;
  event: OutboundEvent;
  incident: IncidentDto;
  /** Event specifics: `{ from, to }` for changes; `{ text }` for a stakeholder update; `{ url, summary }` for a post-mortem. */
  data?: Record<string, unknown>;
  occurredAt?: Date;
  /** Money at risk per minute, formatted, when the caller already has it. */
  perMinute?: string | null;
  /**
   * Only the channels of teams involved now but not among these (global channels skip it): how a
   * team hears "an incident now involves you" when its service is marked impacted later.
   */
  newlyInvolvedSince?: ReadonlySet<string>;
}

export function incidentSnapshot(incident: IncidentDto, perMinute?: string | null): IncidentSnapshot {
  return {
    id: incident.id,
    ref: incident.ref,
    // A drill's practice incident reads as one in every chat and webhook that hears of it.
    title: incident.drillId && !incident.title.startsWith("[DRILL]") ? `[DRILL] ${incident.title}` : incident.title,
    severity: incident.severity,
    status: incident.status,
    commander: incident.commander?.name ?? null,
    services: incident.services.map((s) => s.name),
    startedAt: incident.startedAt,
    url: `${publicUrl()}/incidents/${incident.id}`,
    ...(perMinute ? { perMinute } : {}),
  };
}

/**
 * Teams involved in an incident: owners of its impacted services and the teams in their blast
 * radius (owners of services that depend on them), from the catalog as it is now.
 */
async function involvedTeams(tx: Tx, organizationId: string, serviceIds: readonly string[]): Promise<Set<string>> {
  const teams = new Set<string>();
  if (!serviceIds.length) return teams;
  const [services, dependencies] = await Promise.all([
    tx.service.findMany({ where: { organizationId }, select: { id: true, name: true, teamId: true, journeys: true } }),
    tx.serviceDependency.findMany({
      where: { from: { organizationId } },
      select: { fromId: true, toId: true, isAsync: true, isCritical: true },
    }),
  ]);
  const radius = computeBlastRadius({ services, dependencies }, serviceIds);
  for (const t of radius.teams) teams.add(t.teamId);
  return teams;
}

/**
 * The teams an impacted set involves, or null when no enabled team channel wants `event` (then
 * nobody needs to know and the catalog is not walked).
 */
export async function involvedTeamsIfRouted(
  tx: Tx,
  organizationId: string,
  serviceIds: readonly string[],
  event: OutboundEvent,
): Promise<Set<string> | null> {
  const routed = await tx.outboundChannel.count({
    where: { organizationId, isEnabled: true, teamId: { not: null }, events: { has: event } },
  });
  return routed ? involvedTeams(tx, organizationId, serviceIds) : null;
}

/**
 * Queues one delivery per enabled channel that wants `event`: global channels always, a team's
 * channels when that team is involved. Returns how many were queued.
 */
export async function enqueueOutbound(tx: Tx, input: EnqueueOutboundInput): Promise<number> {
  const channels = await tx.outboundChannel.findMany({
    // A drill is told only to channels set to accept drills: real channels never hear of practice.
    where: {
      organizationId: input.organizationId,
      isEnabled: true,
      events: { has: input.event },
      ...(input.incident.drillId ? { acceptsDrills: true } : {}),
    },
    select: { id: true, kind: true, teamId: true },
  });
  if (!channels.length) return 0;
  // The catalog walk only when a team channel could be interested.
  const serviceIds = input.incident.services.map((s) => s.id);
  const teams = channels.some((c) => c.teamId) ? await involvedTeams(tx, input.organizationId, serviceIds) : new Set<string>();
  const since = input.newlyInvolvedSince;
  const targets = since
    ? channels.filter((c) => c.teamId !== null && teams.has(c.teamId) && !since.has(c.teamId))
    : channels.filter((c) => c.teamId === null || teams.has(c.teamId));
  if (!targets.length) return 0;
  const message: OutboundMessage = {
    event: input.event,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    incident: incidentSnapshot(input.incident, input.perMinute),
    data: input.data ?? {},
  };
  await tx.outboundDelivery.createMany({
    data: targets.map((c) => ({
      organizationId: input.organizationId,
      channelId: c.id,
      incidentId: input.incident.id,
      event: input.event,
      payload: renderPayload(c.kind as OutboundKindName, message) as Prisma.InputJsonValue,
    })),
  });
  return targets.length;
}
