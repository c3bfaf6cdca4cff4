import "server-only";
import { assertCan, type Actor } from "../auth/actor.ts";
import { can } from "../auth/permissions.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError, forbidden } from "../errors/app-error.ts";
import { publicUrl } from "../env.ts";
import { incidentSelect, toIncidentDto } from "../incident-record/incident-dto.ts";
import { enqueueOutbound } from "../outbound/enqueue-outbound.ts";
import { kickOutbound } from "../outbound/kick-outbound.ts";
import type { PostmortemDto } from "./postmortem-dto.ts";
import { commitPostmortemChange } from "./commit-postmortem-change.ts";
import { lockPostmortem } from "./lock-postmortem.ts";

/** Commander-level roles publish; so does whoever commanded the incident (if they write). */
export function canPublishPostmortem(actor: { userId: string; role: Actor["role"] }, incident: { commanderId: string | null }): boolean {
  return can(actor.role, "postmortem:publish") || (incident.commanderId === actor.userId && can(actor.role, "postmortem:write"));
}

/**
 * Publishes the post-mortem as it stands: a frozen revision (number = last + 1) that the read
 * view shows from now on. Needs an approval and no request for changes. The one place a
 * "post-mortem published" notification hooks into.
 */
export async function publishPostmortem(actor: Actor, id: string): Promise<PostmortemDto> {
  assertCan(actor, "postmortem:write");
  const published = await commitPostmortemChange(actor, id, async (tx) => {
    const pm = await lockPostmortem(tx, actor, id);
    if (!canPublishPostmortem(actor, pm.incident))
      throw forbidden("Only a commander, an admin or the incident's commander can publish a post-mortem");
    if (pm.status !== "in_review") {
      throw new AppError(
        "conflict",
        pm.status === "published" ? "Already published; edit a section to start the next revision" : "Ask for a review before publishing",
      );
    }
    const reviews = await tx.postmortemReview.findMany({ where: { postmortemId: id }, select: { state: true } });
    if (!reviews.some((r) => r.state === "approved")) throw new AppError("conflict", "Publishing needs at least one approval");
    const sections = await tx.postmortemSection.findMany({
      where: { postmortemId: id },
      orderBy: { position: "asc" },
      select: { key: true, title: true, body: true },
    });
    const number = pm.publishedRevision + 1;
    const publishedAt = new Date();
    await tx.postmortemRevision.create({
      data: { postmortemId: id, number, title: pm.title, sections, publishedById: actor.userId, publishedAt },
    });
    await tx.postmortem.update({ where: { id }, data: { status: "published", publishedRevision: number, publishedAt } });
    await recordAudit(tx, actor, {
      action: "postmortem.publish",
      entityType: "Postmortem",
      entityId: id,
      before: { status: pm.status, revision: pm.publishedRevision },
      after: { status: "published", revision: number },
    });
    // Leadership and the teams involved hear about it through their channels (outbox, same transaction).
    const incident = toIncidentDto(await tx.incident.findUniqueOrThrow({ where: { id: pm.incident.id }, select: incidentSelect }));
    const summary = sections.find((s) => s.key === "summary")?.body ?? "";
    await enqueueOutbound(tx, {
      organizationId: actor.organizationId,
      event: "postmortem.published",
      incident,
      data: { url: `${publicUrl()}/postmortems/${id}`, summary: plainSummary(summary), revision: number, title: pm.title },
    });
  });
  kickOutbound();
  return published;
}

/** The first paragraph of the summary, without Markdown marks, short enough for a chat message. */
function plainSummary(markdown: string): string {
  const first = markdown.split(/\n\s*\n/).find((p) => p.trim() !== "") ?? "";
  const plain = first
    .replace(/[*_`#>]/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > 300 ? `${plain.slice(0, 297)}…` : plain;
}
