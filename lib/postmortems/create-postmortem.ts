import "server-only";
import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { AppError } from "../errors/app-error.ts";
import { getIncidentOrThrow } from "../incident-record/get-incident.ts";
import { draftPostmortem } from "./draft.ts";
import { loadPostmortem } from "./get-postmortem.ts";
import { loadIncidentRecord } from "./load-incident-record.ts";
import type { PostmortemDto } from "./postmortem-dto.ts";
import { resolveTemplate } from "./resolve-template.ts";
import { ZCreatePostmortem } from "./schemas.ts";

/**
 * Drafts the incident's one post-mortem from its record (key times, impact, teams and who was
 * told, pinned moments, the whole timeline). Asking again returns the existing one unchanged.
 */
export async function createPostmortem(
  actor: Actor,
  incidentId: string,
  raw: unknown,
): Promise<{ postmortem: PostmortemDto; created: boolean }> {
  assertCan(actor, "postmortem:write");
  const input = ZCreatePostmortem.parse(raw ?? {});
  const incident = await getIncidentOrThrow(actor, incidentId);
  const existing = await db().postmortem.findFirst({ where: { incidentId, organizationId: actor.organizationId }, select: { id: true } });
  if (existing) return { postmortem: await loadPostmortem(db(), actor, existing.id), created: false };
  if (incident.status !== "resolved") {
    throw new AppError("conflict", `${incident.ref} is still ${incident.status}; resolve it before drafting its post-mortem`);
  }
  const record = await loadIncidentRecord(actor, incident);
  try {
    const postmortem = await db().$transaction(async (tx) => {
      const template = await resolveTemplate(tx, actor.organizationId, incident.severity, input.templateKey);
      const draft = draftPostmortem(record, template);
      const { id } = await tx.postmortem.create({
        data: {
          organizationId: actor.organizationId,
          incidentId,
          title: draft.title,
          templateKey: template.key,
          facts: draft.facts as unknown as Prisma.InputJsonValue,
          createdById: actor.userId,
          sections: {
            create: draft.sections.map((s) => ({
              key: s.key,
              title: s.title,
              position: s.position,
              guidance: s.guidance,
              body: s.body,
              updatedById: actor.userId,
            })),
          },
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "postmortem.create",
        entityType: "Postmortem",
        entityId: id,
        after: { incidentId, title: draft.title, templateKey: template.key, sections: draft.sections.map((s) => s.key) },
      });
      return loadPostmortem(tx, actor, id);
    }, TX_OPTIONS);
    return { postmortem, created: true };
  } catch (error) {
    // Two people pressed "Draft post-mortem" at once: the second gets the first one's draft.
    if (!isUniqueViolation(error)) throw error;
    const row = await db().postmortem.findFirstOrThrow({
      where: { incidentId, organizationId: actor.organizationId },
      select: { id: true },
    });
    return { postmortem: await loadPostmortem(db(), actor, row.id), created: false };
  }
}
