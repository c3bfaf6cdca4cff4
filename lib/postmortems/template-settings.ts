import "server-only";
import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { assertId, invalidField } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import { SEVERITIES, type SeverityName } from "../vocabulary/incidents.ts";
import { findTemplate, toDefaults, toTemplateSections } from "./resolve-template.ts";
import { ZTemplateDefaults, ZTemplateInput, ZTemplatePatch } from "./schemas.ts";
import { BUILTIN_TEMPLATES, templateKeyFor, type PostmortemTemplateDto } from "./templates.ts";

export interface PostmortemSettingsDto {
  templates: PostmortemTemplateDto[];
  /** The template drafted for each severity (resolved: always a key in `templates`). */
  defaults: Record<SeverityName, string>;
}

async function load(client: Prisma.TransactionClient, organizationId: string): Promise<PostmortemSettingsDto> {
  const [rows, org] = await Promise.all([
    client.postmortemTemplate.findMany({ where: { organizationId }, orderBy: { name: "asc" }, select: { id: true, name: true, description: true, sections: true } }),
    client.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { postmortemTemplateDefaults: true } }),
  ]);
  const templates = [...BUILTIN_TEMPLATES, ...rows.map((r) => ({ key: r.id, name: r.name, description: r.description, isBuiltin: false, sections: toTemplateSections(r.sections) }))];
  const saved = toDefaults(org.postmortemTemplateDefaults);
  const defaults = Object.fromEntries(
    SEVERITIES.map((s) => {
      const key = templateKeyFor(s, saved);
      return [s, templates.some((t) => t.key === key) ? key : templateKeyFor(s, {})];
    }),
  ) as Record<SeverityName, string>;
  return { templates, defaults };
}

/** Everyone reads the templates (writers pick one when drafting); ADMIN changes them. */
export async function getPostmortemSettings(actor: Actor): Promise<PostmortemSettingsDto> {
  assertCan(actor, "incident:read");
  return load(db(), actor.organizationId);
}

/** Template names are unique ignoring case, as people read them; the database index is exact. */
async function assertNameFree(tx: Prisma.TransactionClient, organizationId: string, name: string | undefined, exceptId?: string): Promise<void> {
  if (name === undefined) return;
  const clash = await tx.postmortemTemplate.findFirst({
    where: { organizationId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { name: true },
  });
  if (clash) throw invalidField("name", `a template named "${clash.name}" already exists`);
}

const nameTaken = (error: unknown, name: string | undefined) => (isUniqueViolation(error) && name ? invalidField("name", `a template named "${name}" already exists`) : null);

export async function createPostmortemTemplate(actor: Actor, raw: unknown): Promise<PostmortemTemplateDto> {
  assertCan(actor, "org:admin");
  const input = ZTemplateInput.parse(raw);
  try {
    return await db().$transaction(async (tx) => {
      await assertNameFree(tx, actor.organizationId, input.name);
      const row = await tx.postmortemTemplate.create({
        data: { organizationId: actor.organizationId, name: input.name, description: input.description, sections: input.sections },
        select: { id: true },
      });
      await recordAudit(tx, actor, { action: "postmortem_template.create", entityType: "PostmortemTemplate", entityId: row.id, after: input });
      return (await findTemplate(tx, actor.organizationId, row.id))!;
    }, TX_OPTIONS);
  } catch (error) {
    throw nameTaken(error, input.name) ?? error;
  }
}

export async function updatePostmortemTemplate(actor: Actor, id: string, raw: unknown): Promise<PostmortemTemplateDto> {
  assertCan(actor, "org:admin");
  assertId(id, "Template");
  const input = ZTemplatePatch.parse(raw);
  try {
    return await db().$transaction(async (tx) => {
      const before = await findTemplate(tx, actor.organizationId, id);
      if (!before) throw notFound("Template");
      await assertNameFree(tx, actor.organizationId, input.name, id);
      await tx.postmortemTemplate.update({ where: { id }, data: { name: input.name, description: input.description, sections: input.sections } });
      const after = (await findTemplate(tx, actor.organizationId, id))!;
      await recordAudit(tx, actor, { action: "postmortem_template.update", entityType: "PostmortemTemplate", entityId: id, before, after });
      return after;
    }, TX_OPTIONS);
  } catch (error) {
    throw nameTaken(error, input.name) ?? error;
  }
}

/** Post-mortems drafted from it keep their sections; severities defaulting to it fall back to the built-ins. */
export async function deletePostmortemTemplate(actor: Actor, id: string): Promise<{ deleted: { id: string; name: string } }> {
  assertCan(actor, "org:admin");
  assertId(id, "Template");
  return db().$transaction(async (tx) => {
    const before = await findTemplate(tx, actor.organizationId, id);
    if (!before) throw notFound("Template");
    await tx.postmortemTemplate.delete({ where: { id } });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { postmortemTemplateDefaults: true } });
    const defaults = Object.fromEntries(Object.entries(toDefaults(org.postmortemTemplateDefaults)).filter(([, key]) => key !== id));
    await tx.organization.update({ where: { id: actor.organizationId }, data: { postmortemTemplateDefaults: defaults } });
    await recordAudit(tx, actor, { action: "postmortem_template.delete", entityType: "PostmortemTemplate", entityId: id, before });
    return { deleted: { id, name: before.name } };
  }, TX_OPTIONS);
}

/** Which template each severity drafts from; severities left out keep theirs. */
export async function setPostmortemTemplateDefaults(actor: Actor, raw: unknown): Promise<PostmortemSettingsDto> {
  assertCan(actor, "org:admin");
  const input = ZTemplateDefaults.parse(raw);
  return db().$transaction(async (tx) => {
    for (const [severity, key] of Object.entries(input.defaults)) {
      if (key && !(await findTemplate(tx, actor.organizationId, key))) throw invalidField(`defaults.${severity}`, `unknown template ${key}`);
    }
    const org = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { postmortemTemplateDefaults: true } });
    const before = toDefaults(org.postmortemTemplateDefaults);
    const after = { ...before, ...input.defaults };
    await tx.organization.update({ where: { id: actor.organizationId }, data: { postmortemTemplateDefaults: after } });
    await recordAudit(tx, actor, { action: "postmortem_template.defaults", entityType: "Organization", entityId: actor.organizationId, before, after });
    return load(tx, actor.organizationId);
  }, TX_OPTIONS);
}
