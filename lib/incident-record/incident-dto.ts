import type { Prisma } from "../db/generated/client.ts";
import { incidentRef, type SeverityName, type StatusName } from "../vocabulary/incidents.ts";

const person = { select: { id: true, name: true } } as const;

export const incidentSelect = {
  id: true,
  number: true,
  title: true,
  summary: true,
  severity: true,
  status: true,
  customerStatus: true,
  tags: true,
  startedAt: true,
  detectedAt: true,
  acknowledgedAt: true,
  mitigatedAt: true,
  resolvedAt: true,
  createdAt: true,
  updatedAt: true,
  lastSeq: true,
  drillId: true,
  commander: person,
  declaredBy: person,
  commsLead: person,
  scribe: person,
  suggestedCommander: person,
  responders: { select: { user: person }, orderBy: { addedAt: "asc" } },
  services: {
    select: { service: { select: { id: true, name: true, tier: true, team: { select: { id: true, name: true } } } } },
    // Most customer-critical first; services marked together share addedAt, so it cannot order them.
    orderBy: [{ service: { tier: "asc" } }, { service: { name: "asc" } }],
  },
} satisfies Prisma.IncidentSelect;

type IncidentRow = Prisma.IncidentGetPayload<{ select: typeof incidentSelect }>;

export interface PersonRef {
  id: string;
  name: string;
}

export interface IncidentServiceRef {
  id: string;
  name: string;
  tier: number;
  team: { id: string; name: string };
}

export interface IncidentDto {
  id: string;
  number: number;
  ref: string;
  title: string;
  summary: string;
  severity: SeverityName;
  status: StatusName;
  customerStatus: string;
  tags: string[];
  commander: PersonRef | null;
  declaredBy: PersonRef | null;
  commsLead: PersonRef | null;
  scribe: PersonRef | null;
  /** Offered by a page-worthy alert (the owning team's first on call) while nobody is in command. */
  suggestedCommander: PersonRef | null;
  responders: PersonRef[];
  services: IncidentServiceRef[];
  startedAt: string;
  detectedAt: string | null;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  lastSeq: number;
  /** Set on a game-day drill's practice incident (lib/drills): shown as DRILL everywhere. */
  drillId: string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toIncidentDto(row: IncidentRow): IncidentDto {
  return {
    id: row.id,
    number: row.number,
    ref: incidentRef(row.number),
    title: row.title,
    summary: row.summary,
    severity: row.severity,
    status: row.status,
    customerStatus: row.customerStatus,
    tags: row.tags,
    commander: row.commander,
    declaredBy: row.declaredBy,
    commsLead: row.commsLead,
    scribe: row.scribe,
    suggestedCommander: row.commander ? null : row.suggestedCommander,
    responders: row.responders.map((r) => r.user),
    services: row.services.map((s) => s.service),
    startedAt: row.startedAt.toISOString(),
    detectedAt: iso(row.detectedAt),
    acknowledgedAt: iso(row.acknowledgedAt),
    mitigatedAt: iso(row.mitigatedAt),
    resolvedAt: iso(row.resolvedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastSeq: row.lastSeq,
    drillId: row.drillId,
  };
}

// The socket events that carry this DTO, added to realtime's event map (lib/realtime/protocol.ts).
declare module "../realtime/protocol.ts" {
  interface ServerToClientEvents {
    "incident:declared": (payload: { incident: IncidentDto }) => void;
    "incident:updated": (payload: { incident: IncidentDto }) => void;
  }
}
