import type { JourneyName } from "../vocabulary/catalog.ts";
import { JOURNEY_LABELS } from "../vocabulary/catalog.ts";
import type { Prisma } from "../db/generated/client.ts";
import { alertDegradationFor, isPageWorthy, readAlertDegradation } from "../impact/alert-degradation.ts";
import type { SeverityName } from "../vocabulary/incidents.ts";
import { appendEvent } from "../timeline/append-event.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";

export interface AlertEstimate {
  /** The impact entry, when the service serves journeys and the severity is worth money. */
  event: TimelineEventDto | null;
  suggestedCommander: { id: string; name: string; team: string } | null;
}

/**
 * An alert-opened incident on a known service: its journeys get a provisional degradation (per
 * severity; the integration's setting, else the organisation's, else the built-in one), flagged
 * as estimated until a person confirms or changes it, so the triage board ranks it by money
 * rather than last. A page-worthy alert also names the owning team's first on-call contact as
 * the suggested commander, when that contact is a Warroom user; nobody is put in command.
 * Runs inside the opening transaction, after the incident and its first entries exist.
 */
export interface EstimatedService {
  name: string;
  journeys: string[];
  team: { name: string; onCall: string[] };
}

export async function estimateAlertImpact(
  tx: Prisma.TransactionClient,
  input: {
    organizationId: string;
    incidentId: string;
    /** Read once per request with the catalog (see loadServices in ingest-webhook.ts). */
    service: EstimatedService;
    severity: SeverityName;
    startedAt: Date;
    integrationSetting: unknown;
    organizationSetting: unknown;
  },
): Promise<AlertEstimate> {
  const { service } = input;
  const suggestedCommander = isPageWorthy(input.severity) ? await findOnCallUser(tx, input.organizationId, service.team.onCall[0]) : null;
  if (suggestedCommander) {
    await tx.incident.update({
      where: { id: input.incidentId },
      data: { suggestedCommanderId: suggestedCommander.id },
      select: { id: true },
    });
  }

  const integrationSetting = input.integrationSetting === null ? null : readAlertDegradation(input.integrationSetting);
  const degradation = alertDegradationFor(input.severity, integrationSetting, readAlertDegradation(input.organizationSetting));
  const journeys = service.journeys as JourneyName[];
  if (degradation === 0 || journeys.length === 0) {
    return { event: null, suggestedCommander: suggestedCommander && { ...suggestedCommander, team: service.team.name } };
  }
  const since = input.startedAt.toISOString();
  const changes = journeys.map((journey) => ({
    journey,
    degradation,
    previous: 0,
    since,
    failedCheckouts: null,
    errorRate: null,
    supportTickets: null,
    surveyResponses: null,
  }));
  const list = journeys.map((j) => JOURNEY_LABELS[j]).join(", ");
  const event = await appendEvent(tx, {
    incidentId: input.incidentId,
    kind: "impact_change",
    body: `Impact estimated from alert: ${list} ${degradation}% degraded (${service.name} · ${input.severity}). Confirm or change it.`,
    authorId: null,
    data: { field: "impact", estimated: true, changes, note: null },
  });
  await tx.incidentImpactChange.createMany({
    data: journeys.map((journey) => ({
      incidentId: input.incidentId,
      journey,
      degradation,
      effectiveAt: input.startedAt,
      estimated: true,
      authorId: null,
      eventSeq: event.seq,
    })),
  });
  return { event, suggestedCommander: suggestedCommander && { ...suggestedCommander, team: service.team.name } };
}

/**
 * No catalogued service, but the source named the owning team (PagerDuty teams, Opsgenie team):
 * a page-worthy alert suggests that team's first on-call person, as for a service's team.
 */
export async function suggestCommanderFromTeam(
  tx: Prisma.TransactionClient,
  input: { organizationId: string; incidentId: string; teamId: string; severity: SeverityName },
): Promise<AlertEstimate["suggestedCommander"]> {
  if (!isPageWorthy(input.severity)) return null;
  const team = await tx.team.findFirst({
    where: { id: input.teamId, organizationId: input.organizationId },
    select: { name: true, onCall: true },
  });
  const who = team ? await findOnCallUser(tx, input.organizationId, team.onCall[0]) : null;
  if (!team || !who) return null;
  await tx.incident.update({ where: { id: input.incidentId }, data: { suggestedCommanderId: who.id }, select: { id: true } });
  return { ...who, team: team.name };
}

/**
 * On-call lists hold free text ("Diego Ramos (primary) +1 555 0130", "dana@shop.example",
 * "pager: payments-primary"): only a Warroom user the entry names, by email anywhere in it or
 * by name at its start, can be suggested.
 */
async function findOnCallUser(tx: Prisma.TransactionClient, organizationId: string, contact: string | undefined) {
  const text = contact?.trim().toLowerCase();
  if (!text) return null;
  const users = await tx.user.findMany({
    where: { organizationId },
    select: { id: true, name: true, email: true },
    orderBy: { createdAt: "asc" },
  });
  const named = (name: string) => {
    const n = name.trim().toLowerCase();
    return n.length > 0 && text.startsWith(n) && !/[\p{L}\p{N}]/u.test(text.charAt(n.length));
  };
  const found =
    users.find((u) => text.includes(u.email.toLowerCase())) ??
    users.filter((u) => named(u.name)).sort((a, b) => b.name.length - a.name.length)[0];
  return found ? { id: found.id, name: found.name } : null;
}
