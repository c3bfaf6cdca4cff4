import type { JourneyName } from "../vocabulary/catalog.ts";
import { JOURNEYS } from "../vocabulary/catalog.ts";
import type { Prisma } from "../db/generated/client.ts";
import { CUSTOMER_STATUSES, type CustomerStatusName, type JourneyStatusMap } from "./constants.ts";

export const stakeholderUpdateSelect = {
  id: true,
  incidentId: true,
  affected: true,
  doing: true,
  nextUpdateBy: true,
  isPublic: true,
  journeyStatus: true,
  eventSeq: true,
  reminderSentAt: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.StakeholderUpdateSelect;

type Row = Prisma.StakeholderUpdateGetPayload<{ select: typeof stakeholderUpdateSelect }>;

/** What the API returns and sockets push (inside the organisation: it names the author). */
export interface StakeholderUpdateDto {
  id: string;
  incidentId: string;
  affected: string;
  doing: string;
  nextUpdateBy: string | null;
  isPublic: boolean;
  journeyStatus: JourneyStatusMap;
  eventSeq: number | null;
  /** When the reminder tick wrote "update overdue" for it. */
  reminderSentAt: string | null;
  createdAt: string;
  author: { id: string; name: string } | null;
}

/** Stored JSON read back defensively: unknown keys or values are dropped, never trusted. */
export function readJourneyStatus(value: unknown): JourneyStatusMap {
  const out: JourneyStatusMap = {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [key, status] of Object.entries(value)) {
    if ((JOURNEYS as readonly string[]).includes(key) && (CUSTOMER_STATUSES as readonly string[]).includes(String(status))) {
      out[key as JourneyName] = status as CustomerStatusName;
    }
  }
  return out;
}

export function toStakeholderUpdateDto(row: Row): StakeholderUpdateDto {
  return {
    id: row.id,
    incidentId: row.incidentId,
    affected: row.affected,
    doing: row.doing,
    nextUpdateBy: row.nextUpdateBy?.toISOString() ?? null,
    isPublic: row.isPublic,
    journeyStatus: readJourneyStatus(row.journeyStatus),
    eventSeq: row.eventSeq,
    reminderSentAt: row.reminderSentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    author: row.author,
  };
}

// The socket events that carry this DTO, added to realtime's event map (lib/realtime/protocol.ts).
declare module "../realtime/protocol.ts" {
  interface ServerToClientEvents {
    "stakeholder:updated": (payload: { incidentId: string; update: StakeholderUpdateDto }) => void;
  }
}
