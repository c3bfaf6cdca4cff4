// The post-mortem as the API returns it and sockets push it.
import type { Prisma } from "../db/generated/client.ts";
import { incidentRef, type SeverityName } from "../vocabulary/incidents.ts";
import type { PostmortemFacts } from "./draft.ts";

export const POSTMORTEM_STATUSES = ["draft", "in_review", "published"] as const;
export type PostmortemStatusName = (typeof POSTMORTEM_STATUSES)[number];
export type ReviewStateName = "requested" | "approved" | "changes_requested";

const person = { select: { id: true, name: true } } as const;

export const sectionSelect = {
  key: true,
  title: true,
  position: true,
  guidance: true,
  body: true,
  version: true,
  updatedAt: true,
  updatedBy: person,
} satisfies Prisma.PostmortemSectionSelect;

export const postmortemSelect = {
  id: true,
  incidentId: true,
  title: true,
  status: true,
  templateKey: true,
  facts: true,
  publishedRevision: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  createdBy: person,
  incident: { select: { id: true, number: true, title: true, severity: true, commanderId: true } },
  sections: { select: sectionSelect, orderBy: { position: "asc" } },
  reviews: { select: { reviewer: person, state: true, comment: true, decidedAt: true }, orderBy: { createdAt: "asc" } },
  revisions: { select: { number: true, title: true, sections: true, publishedAt: true, publishedBy: person }, orderBy: { number: "desc" } },
} satisfies Prisma.PostmortemSelect;

type Row = Prisma.PostmortemGetPayload<{ select: typeof postmortemSelect }>;
type SectionRow = Prisma.PostmortemSectionGetPayload<{ select: typeof sectionSelect }>;

export interface PersonRef {
  id: string;
  name: string;
}

export interface PostmortemSectionDto {
  key: string;
  title: string;
  position: number;
  guidance: string;
  body: string;
  version: number;
  updatedAt: string;
  updatedBy: PersonRef | null;
}

export interface PublishedSection {
  key: string;
  title: string;
  body: string;
}

export interface PostmortemRevisionDto {
  number: number;
  title: string;
  sections: PublishedSection[];
  publishedAt: string;
  publishedBy: PersonRef | null;
}

export interface PostmortemDto {
  id: string;
  incident: { id: string; ref: string; title: string; severity: SeverityName; commanderId: string | null };
  title: string;
  status: PostmortemStatusName;
  templateKey: string;
  /** The record when drafted; null for history imported without one (the demo's past incidents). */
  facts: PostmortemFacts | null;
  createdBy: PersonRef | null;
  createdAt: string;
  updatedAt: string;
  /** 0 until first published; the read view shows that revision. */
  publishedRevision: number;
  publishedAt: string | null;
  sections: PostmortemSectionDto[];
  reviews: { reviewer: PersonRef; state: ReviewStateName; comment: string; decidedAt: string | null }[];
  /** Every published revision, newest first, without their text. */
  revisions: Omit<PostmortemRevisionDto, "sections">[];
  /** The latest published revision in full, or null before the first publication. */
  published: PostmortemRevisionDto | null;
}

export function toSectionDto(s: SectionRow): PostmortemSectionDto {
  return { ...s, updatedAt: s.updatedAt.toISOString() };
}

export function toRevisionDto(r: Row["revisions"][number]): PostmortemRevisionDto {
  return {
    number: r.number,
    title: r.title,
    sections: Array.isArray(r.sections) ? (r.sections as unknown as PublishedSection[]) : [],
    publishedAt: r.publishedAt.toISOString(),
    publishedBy: r.publishedBy,
  };
}

/** Only a drafted record has these; anything else is shown without a fact sheet. */
function isPostmortemFacts(value: unknown): value is PostmortemFacts {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<Record<keyof PostmortemFacts, unknown>>;
  return typeof v.keyTimes === "object" && typeof v.impact === "object" && typeof v.durations === "object" && Array.isArray(v.teams) && Array.isArray(v.services);
}

export function toPostmortemDto(row: Row): PostmortemDto {
  const latest = row.revisions[0];
  return {
    id: row.id,
    incident: { id: row.incident.id, ref: incidentRef(row.incident.number), title: row.incident.title, severity: row.incident.severity, commanderId: row.incident.commanderId },
    title: row.title,
    status: row.status,
    templateKey: row.templateKey,
    facts: isPostmortemFacts(row.facts) ? row.facts : null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedRevision: row.publishedRevision,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    sections: row.sections.map(toSectionDto),
    reviews: row.reviews.map((r) => ({ ...r, decidedAt: r.decidedAt?.toISOString() ?? null })),
    revisions: row.revisions.map((r) => ({ number: r.number, title: r.title, publishedAt: r.publishedAt.toISOString(), publishedBy: r.publishedBy })),
    published: latest ? toRevisionDto(latest) : null,
  };
}

// The socket events that carry this DTO, added to realtime's event map (lib/realtime/protocol.ts).
declare module "../realtime/protocol.ts" {
  interface ServerToClientEvents {
    "postmortem:section": (payload: { postmortemId: string; section: PostmortemSectionDto }) => void;
    "postmortem:updated": (payload: { postmortem: PostmortemDto }) => void;
  }
}
