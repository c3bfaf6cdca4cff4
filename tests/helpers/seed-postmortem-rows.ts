// Post-mortems for tests of the library, follow-ups and export. Drafting and publishing belong to
// the post-mortem core; these rows are written the way it stores them (sections, and a frozen
// revision whose number is publishedRevision).
import type { Actor } from "../../lib/auth/actor.ts";
import { db } from "../../lib/db/client.ts";

export interface SeedPostmortemInput {
  title?: string;
  status?: "draft" | "in_review" | "published";
  sections?: { key: string; title: string; body: string }[];
  /** Published: the title frozen in the revision (defaults to `title`). */
  publishedTitle?: string;
  publishedAt?: Date;
}

const DEFAULT_SECTIONS = [
  { key: "summary", title: "Summary", body: "Card authorisations timed out for a share of checkouts." },
  { key: "contributing_factors", title: "Contributing factors", body: "- Retries without back-off exhausted the connection pool." },
];

export async function seedPostmortemRow(actor: Actor, incidentId: string, input: SeedPostmortemInput = {}): Promise<{ id: string }> {
  const status = input.status ?? "published";
  const sections = input.sections ?? DEFAULT_SECTIONS;
  const title = input.title ?? "Post-mortem: checkout payments timing out";
  const publishedAt = input.publishedAt ?? new Date();
  const isPublished = status === "published";
  const pm = await db().postmortem.create({
    data: {
      organizationId: actor.organizationId,
      incidentId,
      title,
      status,
      templateKey: "builtin:full",
      facts: {},
      createdById: actor.userId,
      publishedRevision: isPublished ? 1 : 0,
      publishedAt: isPublished ? publishedAt : null,
      sections: { create: sections.map((s, position) => ({ ...s, position })) },
    },
    select: { id: true },
  });
  if (isPublished) {
    await db().postmortemRevision.create({
      data: { postmortemId: pm.id, number: 1, title: input.publishedTitle ?? title, sections, publishedById: actor.userId, publishedAt },
    });
  }
  return pm;
}
