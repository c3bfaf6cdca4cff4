import "server-only";
import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { db } from "../db/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { publishPostmortemSection, publishPostmortemUpdated } from "../realtime/emit.ts";
import { checkBlame, type BlameMatch } from "./blame-check.ts";
import { loadPostmortem } from "./get-postmortem.ts";
import { sectionSelect, toSectionDto, type PostmortemSectionDto } from "./postmortem-dto.ts";
import { ZPostmortemId, ZSaveSection } from "./schemas.ts";

export interface SaveSectionResult {
  section: PostmortemSectionDto;
  /** Blame-language warnings in the saved text; they never block the save. */
  warnings: BlameMatch[];
}

/**
 * Saves one section against the version the writer started from. A newer version on the server
 * is a 409 carrying the current text, version and author, so the writer can merge, never a
 * silent overwrite. Editing a published post-mortem starts its next revision (status draft);
 * the published revision stays as it was.
 */
export async function saveSection(actor: Actor, postmortemId: string, key: string, raw: unknown): Promise<SaveSectionResult> {
  assertCan(actor, "postmortem:write");
  if (!ZPostmortemId.safeParse(postmortemId).success) throw notFound("Post-mortem");
  const input = ZSaveSection.parse(raw);
  const { section, reopened } = await db().$transaction(async (tx) => {
    const pm = await tx.postmortem.findFirst({
      where: { id: postmortemId, organizationId: actor.organizationId },
      select: { id: true, status: true },
    });
    if (!pm) throw notFound("Post-mortem");
    const current = await tx.postmortemSection.findUnique({ where: { postmortemId_key: { postmortemId, key } }, select: sectionSelect });
    if (!current) throw notFound("Section");
    if (current.version !== input.baseVersion) {
      throw new AppError(
        "conflict",
        `Someone changed “${current.title}” while you were editing (now version ${current.version}, you started from ${input.baseVersion})`,
        {
          current: toSectionDto(current),
        },
      );
    }
    // The version check and the write are one statement: of two saves on the same version, one wins.
    const { count } = await tx.postmortemSection.updateMany({
      where: { postmortemId, key, version: input.baseVersion },
      data: { body: input.body, version: { increment: 1 }, updatedById: actor.userId, updatedAt: new Date() },
    });
    if (count === 0) {
      const latest = await tx.postmortemSection.findUniqueOrThrow({
        where: { postmortemId_key: { postmortemId, key } },
        select: sectionSelect,
      });
      throw new AppError("conflict", `Someone changed “${latest.title}” while you were editing`, { current: toSectionDto(latest) });
    }
    const reopened = pm.status === "published";
    if (reopened) await tx.postmortem.update({ where: { id: postmortemId }, data: { status: "draft" } });
    else await tx.postmortem.update({ where: { id: postmortemId }, data: { updatedAt: new Date() } });
    const saved = await tx.postmortemSection.findUniqueOrThrow({
      where: { postmortemId_key: { postmortemId, key } },
      select: sectionSelect,
    });
    await recordAudit(tx, actor, {
      action: "postmortem.section.update",
      entityType: "Postmortem",
      entityId: postmortemId,
      before: { key, version: current.version, body: current.body },
      after: { key, version: saved.version, body: saved.body, ...(reopened ? { status: "draft" } : {}) },
    });
    return { section: toSectionDto(saved), reopened: reopened ? await loadPostmortem(tx, actor, postmortemId) : null };
  }, TX_OPTIONS);
  publishPostmortemSection(postmortemId, section);
  if (reopened) publishPostmortemUpdated(reopened);
  return { section, warnings: checkBlame(section.body) };
}
