import type { Prisma } from "../db/generated/client.ts";
import { incidentRef, type SeverityName, type StatusName } from "./constants.ts";

export const incidentSelect = {
  id: true,
  number: true,
  title: true,
  summary: true,
  severity: true,
  status: true,
  startedAt: true,
  resolvedAt: true,
  createdAt: true,
  updatedAt: true,
  lastSeq: true,
  commander: { select: { id: true, name: true } },
  declaredBy: { select: { id: true, name: true } },
} satisfies Prisma.IncidentSelect;

type IncidentRow = Prisma.IncidentGetPayload<{ select: typeof incidentSelect }>;

export interface IncidentDto {
  id: string;
  number: number;
  ref: string;
  title: string;
  summary: string;
  severity: SeverityName;
  status: StatusName;
  commander: { id: string; name: string } | null;
  declaredBy: { id: string; name: string } | null;
  startedAt: string;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  lastSeq: number;
}

export function toIncidentDto(row: IncidentRow): IncidentDto {
  return {
    id: row.id,
    number: row.number,
    ref: incidentRef(row.number),
    title: row.title,
    summary: row.summary,
    severity: row.severity,
    status: row.status,
    commander: row.commander,
    declaredBy: row.declaredBy,
    startedAt: row.startedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastSeq: row.lastSeq,
  };
}
