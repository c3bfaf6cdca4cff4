// The drill half of alert ingest: a drill step's vendor payload goes through the same parser and
// the same service mapping and entry as a real webhook (ingest-webhook.ts), but lands only on the
// drill's own practice incident. It never opens an incident, never writes the de-duplication rows
// real alerts share (keys are namespaced by drill), never pages and never notifies.
import type { Prisma } from "../db/generated/client.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { appendEvent } from "../timeline/append-event.ts";
import { alertEntry, type AlertEntrySource } from "./alert-entry.ts";
import type { AlertKindName } from "./kinds.ts";
import { DEFAULT_SEVERITY_RULES, nameKey, pickService, serviceKeys, type AlertMapping } from "./mapping.ts";
import { parseWebhook } from "./parse-webhook.ts";

type Tx = Prisma.TransactionClient;

/** A new integration's mapping: what a drill's alerts are mapped with. */
const DRILL_MAPPING: AlertMapping = {
  serviceLabel: "service",
  defaultServiceId: null,
  serviceRules: [],
  severityLabel: "severity",
  severityRules: DEFAULT_SEVERITY_RULES,
  defaultSeverity: "SEV3",
};

export interface DrillAlertInput {
  organizationId: string;
  /** The drill's practice incident: the only incident these alerts may touch. */
  incidentId: string;
  drillId: string;
  kind: AlertKindName;
  rawBody: string;
  /** Carried on every entry (`data.drill`): which drill and step injected it. */
  mark: Record<string, unknown>;
}

/** De-duplication keys of different drills never meet: each is prefixed with its drill. */
export function drillDedupKey(drillId: string, key: string): string {
  return `drill:${drillId}:${key}`;
}

export async function ingestDrillAlerts(tx: Tx, input: DrillAlertInput): Promise<TimelineEventDto[]> {
  const parsed = parseWebhook(input.kind, input.rawBody);
  const [services, teams] = await Promise.all([
    tx.service.findMany({ where: { organizationId: input.organizationId }, select: { id: true, name: true, aliases: true } }),
    tx.team.findMany({ where: { organizationId: input.organizationId }, select: { id: true, name: true } }),
  ]);
  const source: AlertEntrySource = {
    integration: { id: null, kind: input.kind, name: `Drill · ${input.kind === "alertmanager" ? "Alertmanager" : "webhook"}` },
    serviceNames: new Map(services.map((s) => [s.id, s.name])),
    teams: new Map(teams.map((t) => [nameKey(t.name), t])),
  };
  const keys = serviceKeys(services);
  const entries: TimelineEventDto[] = [];
  for (const raw of parsed.alerts) {
    const alert = { ...raw, dedupKey: drillDedupKey(input.drillId, raw.dedupKey) };
    const seen = await tx.timelineEvent.findMany({
      where: { incidentId: input.incidentId, kind: "alert", data: { path: ["dedupKey"], equals: alert.dedupKey } },
      orderBy: { seq: "desc" },
      select: { data: true },
    });
    const last = seen[0]?.data as { status?: string } | undefined;
    // Like a real source's repeat: the same state again writes nothing.
    if (last?.status === alert.status) continue;
    const entry = alertEntry(source, input.incidentId, alert, pickService(alert, DRILL_MAPPING, keys), seen.length + 1);
    entries.push(await appendEvent(tx, { ...entry, data: { ...entry.data, drill: input.mark } }));
  }
  return entries;
}
