// The post-mortem as the API returns it and sockets push it.
import type { Prisma } from "../db/generated/client.ts";
import { z } from "zod";
import { ZPersonRef } from "../validation/person-ref.ts";
import { incidentRef, SEVERITIES } from "../vocabulary/incidents.ts";
import { POSTMORTEM_STATUSES, REVIEW_STATES } from "../vocabulary/postmortems.ts";
import { ZPostmortemFacts } from "./postmortem-facts.ts";

export { POSTMORTEM_STATUSES, type PostmortemStatusName, type ReviewStateName } from "../vocabulary/postmortems.ts";

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

// The answer's shape, once: the DTO types are inferred from it and the OpenAPI document's
// `Postmortem`, `PostmortemSection` and `PostmortemRevision` are generated from it.
const time = z.iso.datetime();

export const ZPostmortemSection = z
  .object({
    key: z.string(),
    title: z.string(),
    position: z.number().int(),
    guidance: z.string().describe("What the template asks this section to say."),
    body: z.string().describe("Markdown."),
    version: z.number().int().min(1).describe("Send it back as `baseVersion` when saving: a newer version on the server is a 409."),
    updatedAt: time,
    updatedBy: ZPersonRef.nullable(),
  })
  .describe("One section of a post-mortem being written.");
export type PostmortemSectionDto = z.infer<typeof ZPostmortemSection>;

export const ZPublishedSection = z.object({ key: z.string(), title: z.string(), body: z.string().describe("Markdown.") });
export type PublishedSection = z.infer<typeof ZPublishedSection>;

const ZRevisionHeader = z.object({
  number: z.number().int().min(1),
  title: z.string(),
  publishedAt: time,
  publishedBy: ZPersonRef.nullable(),
});

export const ZPostmortemRevision = ZRevisionHeader.extend({ sections: z.array(ZPublishedSection) }).describe(
  "A published, frozen version of a post-mortem.",
);
export type PostmortemRevisionDto = z.infer<typeof ZPostmortemRevision>;

export const ZPostmortem = z
  .object({
    id: z.uuid(),
    incident: z.object({
      id: z.uuid(),
      ref: z.string(),
      title: z.string(),
      severity: z.enum(SEVERITIES),
      commanderId: z.uuid().nullable(),
    }),
    title: z.string(),
    status: z.enum(POSTMORTEM_STATUSES),
    templateKey: z.string().describe('"builtin:full", "builtin:short" or a template id.'),
    /** The record when drafted; null for history imported without one (the demo's past incidents). */
    facts: ZPostmortemFacts.nullable(),
    createdBy: ZPersonRef.nullable(),
    createdAt: time,
    updatedAt: time,
    /** 0 until first published; the read view shows that revision. */
    publishedRevision: z.number().int().min(0).describe("0 until first published."),
    publishedAt: time.nullable(),
    sections: z.array(ZPostmortemSection),
    reviews: z.array(z.object({ reviewer: ZPersonRef, state: z.enum(REVIEW_STATES), comment: z.string(), decidedAt: time.nullable() })),
    revisions: z.array(ZRevisionHeader).describe("Every published revision, newest first, without their text."),
    published: ZPostmortemRevision.nullable().describe("The latest published revision in full; null before the first publication."),
  })
  .describe("The blameless write-up of a resolved incident: sections, reviews and published revisions.");
export type PostmortemDto = z.infer<typeof ZPostmortem>;

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

/** Only a drafted record has a fact sheet; stored JSON of any other shape is shown without one. */
function readFacts(value: unknown): PostmortemDto["facts"] {
  const parsed = ZPostmortemFacts.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function toPostmortemDto(row: Row): PostmortemDto {
  const latest = row.revisions[0];
  return {
    id: row.id,
    incident: {
      id: row.incident.id,
      ref: incidentRef(row.incident.number),
      title: row.incident.title,
      severity: row.incident.severity,
      commanderId: row.incident.commanderId,
    },
    title: row.title,
    status: row.status,
    templateKey: row.templateKey,
    facts: readFacts(row.facts),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedRevision: row.publishedRevision,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    sections: row.sections.map(toSectionDto),
    reviews: row.reviews.map((r) => ({ ...r, decidedAt: r.decidedAt?.toISOString() ?? null })),
    revisions: row.revisions.map((r) => ({
      number: r.number,
      title: r.title,
      publishedAt: r.publishedAt.toISOString(),
      publishedBy: r.publishedBy,
    })),
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
