// Queues one page request on the outbound queue (lib/outbound), in the caller's transaction: the
// sender delivers it with its retries and back-off after commit (call kickOutbound()).
import type { Prisma } from "../db/generated/client.ts";
import { publicUrl } from "../env.ts";
import { incidentRef, type SeverityName } from "../vocabulary/incidents.ts";
import type { PagingKindName } from "./constants.ts";
import { loadPagingEndpoints } from "./paging-config.ts";
import { renderPage, type PageMessage, type Responder } from "./render-page.ts";

type Tx = Prisma.TransactionClient;

export const routeSelect = {
  id: true,
  teamId: true,
  responders: true,
  escalateAfterMinutes: true,
  escalation: true,
  escalationTeamId: true,
  team: { select: { id: true, name: true, onCall: true, escalationContact: true } },
  channel: { select: { id: true, kind: true, url: true, isEnabled: true } },
} satisfies Prisma.PagingRouteSelect;

export type RouteRow = Prisma.PagingRouteGetPayload<{ select: typeof routeSelect }>;

export function pagingKindOf(route: RouteRow): PagingKindName {
  const kind = route.channel.kind;
  return kind === "pagerduty" || kind === "opsgenie" ? kind : "webhook";
}

export function respondersOf(value: Prisma.JsonValue): Responder[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r) => {
    if (typeof r !== "object" || r === null || Array.isArray(r)) return [];
    const { type, name } = r as { type?: unknown; name?: unknown };
    return (type === "team" || type === "user" || type === "escalation" || type === "schedule") && typeof name === "string"
      ? [{ type, name }]
      : [];
  });
}

export interface IncidentForPage {
  id: string;
  number: number;
  title: string;
  severity: SeverityName;
  drillId: string | null;
  services: { service: { name: string } }[];
}

export const incidentForPageSelect = {
  id: true,
  number: true,
  title: true,
  severity: true,
  drillId: true,
  services: { select: { service: { select: { name: true } } } },
} satisfies Prisma.IncidentSelect;

export function pageIncident(incident: IncidentForPage): PageMessage["incident"] {
  return {
    id: incident.id,
    ref: incidentRef(incident.number),
    title: incident.title,
    severity: incident.severity,
    url: `${publicUrl()}/incidents/${incident.id}`,
    services: incident.services.map((s) => s.service.name),
  };
}

export async function queuePageRequest(
  tx: Tx,
  input: {
    organizationId: string;
    route: RouteRow;
    event: string;
    message: Omit<PageMessage, "team" | "responders">;
    pageId: string | null;
    incidentId: string | null;
  },
): Promise<string | null> {
  // The one place page requests are queued: a drill's practice incident never reaches a vendor,
  // whoever asks (a person, an escalation, a resolve). Callers record the page as practice.
  if (input.incidentId) {
    const incident = await tx.incident.findUnique({ where: { id: input.incidentId }, select: { drillId: true } });
    if (incident?.drillId) return null;
  }
  const kind = pagingKindOf(input.route);
  const rendered = renderPage(
    kind,
    { ...input.message, team: input.route.team.name, responders: respondersOf(input.route.responders) },
    loadPagingEndpoints(),
    input.route.channel.url,
  );
  const row = await tx.outboundDelivery.create({
    data: {
      organizationId: input.organizationId,
      channelId: input.route.channel.id,
      incidentId: input.incidentId,
      event: input.event,
      payload: rendered.body as Prisma.InputJsonValue,
      url: rendered.url,
      pageId: input.pageId,
    },
    select: { id: true },
  });
  return row.id;
}
