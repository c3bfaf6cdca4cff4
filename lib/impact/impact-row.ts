import type { JourneyName } from "../vocabulary/catalog.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { ImpactSummaryDto } from "./impact-dto.ts";
import type { loadImpactModel } from "./impact-settings.ts";
import type { RoleChangeSpec, StaffedRole, StaffingInput } from "./response-cost.ts";
import { summarizeImpact, type RecordedImpactChange } from "./summarize-impact.ts";

// An incident's row as the impact maths reads it, and the maths over it: no I/O here, so the ORM
// read (load-impact.ts) and the triage board's one statement (read-triage-incidents.ts) share it.

const person = { select: { id: true, name: true } } as const;

export const impactIncidentSelect = {
  id: true,
  number: true,
  title: true,
  drillId: true,
  severity: true,
  status: true,
  startedAt: true,
  createdAt: true,
  resolvedAt: true,
  commanderId: true,
  commsLeadId: true,
  scribeId: true,
  commander: person,
  suggestedCommander: person,
  responders: { select: { userId: true, addedAt: true } },
  services: { select: { service: { select: { tier: true } } } },
  impactChanges: {
    // The order they were recorded: eventSeq grows with every timeline entry of the incident.
    orderBy: [{ eventSeq: "asc" }, { recordedAt: "asc" }],
    select: {
      journey: true,
      degradation: true,
      effectiveAt: true,
      failedCheckouts: true,
      errorRate: true,
      supportTickets: true,
      surveyResponses: true,
      recordedAt: true,
      estimated: true,
      author: person,
    },
  },
  events: {
    where: { kind: "role_change" },
    orderBy: { seq: "asc" },
    select: { occurredAt: true, data: true },
  },
} satisfies Prisma.IncidentSelect;

export type ImpactIncidentRow = Prisma.IncidentGetPayload<{ select: typeof impactIncidentSelect }>;

const ROLES: readonly StaffedRole[] = ["commander", "comms_lead", "scribe", "responder"];

function roleChanges(events: ImpactIncidentRow["events"]): RoleChangeSpec[] {
  const out: RoleChangeSpec[] = [];
  for (const e of events) {
    const data = (e.data ?? {}) as { field?: unknown; from?: unknown; to?: unknown };
    if (!ROLES.includes(data.field as StaffedRole)) continue;
    out.push({
      at: e.occurredAt,
      field: data.field as StaffedRole,
      from: typeof data.from === "string" ? data.from : null,
      to: typeof data.to === "string" ? data.to : null,
    });
  }
  return out;
}

export type Participant = NonNullable<StaffingInput["participants"]>[number];

/**
 * One incident's impact summary from its row (the shape of `impactIncidentSelect`, however it was
 * read) and the people who wrote in its timeline: the one computation every reader shares.
 */
export function summarizeImpactRow(
  incident: ImpactIncidentRow,
  participants: readonly Participant[],
  { model, currency, hourlyRate }: Awaited<ReturnType<typeof loadImpactModel>>,
  now: Date,
): ImpactSummaryDto {
  const changes: RecordedImpactChange[] = incident.impactChanges.map((c) => ({ ...c, journey: c.journey as JourneyName }));
  return summarizeImpact({
    model,
    currency,
    hourlyRate,
    incident: {
      id: incident.id,
      severity: incident.severity,
      startedAt: incident.startedAt,
      declaredAt: incident.createdAt,
      resolvedAt: incident.resolvedAt,
      serviceTiers: incident.services.map((s) => s.service.tier),
      staffing: {
        commander: incident.commanderId,
        commsLead: incident.commsLeadId,
        scribe: incident.scribeId,
        responders: incident.responders.map((r) => ({ userId: r.userId, since: r.addedAt })),
      },
    },
    changes,
    roleChanges: roleChanges(incident.events),
    participants,
    now,
  });
}
