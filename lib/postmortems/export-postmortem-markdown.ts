import { assertCan, type Actor } from "../auth/actor.ts";
import { listPostmortemActionItems } from "../action-items/list-action-items.ts";
import { assertId } from "../errors/field-errors.ts";
import { db } from "../db/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { readRevisionSections, renderPostmortemMarkdown } from "./markdown-export-file.ts";

/**
 * The latest published revision as a Markdown file: the title and sections frozen at publication,
 * with the action items as they stand now. Never published is a 409: there is nothing to export.
 */
export async function exportPostmortemMarkdown(
  actor: Actor,
  postmortemId: string,
  now = new Date(),
): Promise<{ filename: string; body: string }> {
  assertCan(actor, "incident:read");
  assertId(postmortemId, "Post-mortem");
  const pm = await db().postmortem.findFirst({
    where: { id: postmortemId, organizationId: actor.organizationId },
    select: {
      publishedRevision: true,
      incident: { select: { number: true, title: true, severity: true, startedAt: true, resolvedAt: true } },
    },
  });
  if (!pm) throw notFound("Post-mortem");
  const revision = pm.publishedRevision
    ? await db().postmortemRevision.findUnique({
        where: { postmortemId_number: { postmortemId, number: pm.publishedRevision } },
        select: { number: true, title: true, sections: true, publishedAt: true, publishedBy: { select: { name: true } } },
      })
    : null;
  if (!revision) throw new AppError("conflict", "This post-mortem has not been published yet; publish it to export it");
  const { items } = await listPostmortemActionItems(actor, postmortemId, now);
  const ref = `INC-${pm.incident.number}`;
  return {
    filename: `${ref.toLowerCase()}-postmortem-r${revision.number}.md`,
    body: renderPostmortemMarkdown({
      title: revision.title,
      revision: revision.number,
      publishedAt: revision.publishedAt,
      publishedBy: revision.publishedBy?.name ?? null,
      incident: { ref, ...pm.incident },
      sections: readRevisionSections(revision.sections),
      actionItems: items,
    }),
  };
}
