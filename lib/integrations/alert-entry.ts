import type { NormalizedAlert } from "./alert.ts";
import { pickTeam } from "./mapping.ts";

/** When it happened, as the source says; never in the future (a fast clock at the source). */
export function occurredAt(alert: NormalizedAlert): Date {
  const at = Date.parse((alert.status === "firing" ? alert.startedAt : alert.endedAt) ?? "");
  return Number.isNaN(at) ? new Date() : new Date(Math.min(at, Date.now()));
}

/** What an alert entry names of its source and catalog: an integration's, or a drill's (ingest-drill-alerts.ts). */
export interface AlertEntrySource {
  integration: { id: string | null; kind: string; name: string };
  serviceNames: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, { id: string; name: string }>;
}

/** The room entry for an alert's status change: one shape for real sources and drills alike. */
export function alertEntry(ctx: AlertEntrySource, incidentId: string, alert: NormalizedAlert, serviceId: string | null, count: number) {
  const { integration } = ctx;
  const word = alert.status === "firing" ? "Firing" : "Resolved";
  const body = `${word}: ${alert.title}${alert.description ? `\n${alert.description}` : ""} (${integration.name})`;
  return {
    incidentId,
    kind: "alert" as const,
    body: body.slice(0, 10_000),
    authorId: null,
    occurredAt: occurredAt(alert),
    data: {
      status: alert.status,
      source: integration.kind,
      integrationId: integration.id,
      integration: integration.name,
      dedupKey: alert.dedupKey,
      labels: alert.labels,
      url: alert.sourceUrl,
      links: alert.links ?? [],
      ...(alert.owners ? { owners: alert.owners } : {}),
      // The service's team owns it; without a service, the team the source named (if Warroom has it).
      team: serviceId ? null : pickTeam(alert, ctx.teams),
      ...(alert.members ? { alerts: alert.members } : {}),
      service: serviceId ? { id: serviceId, name: ctx.serviceNames.get(serviceId) ?? "" } : null,
      count,
    },
  };
}
