import "server-only";
import { invalidField } from "../errors/field-errors.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import type { Prisma } from "../db/generated/client.ts";
import { SEVERITIES, type SeverityName } from "../vocabulary/incidents.ts";
import { toDefaults, toTemplateSections } from "./resolve-template.ts";
import { BUILTIN_TEMPLATES, templateKeyFor, type PostmortemTemplateDto } from "./templates.ts";

export interface PostmortemSettingsDto {
  templates: PostmortemTemplateDto[];
  /** The template drafted for each severity (resolved: always a key in `templates`). */
  defaults: Record<SeverityName, string>;
}

export async function loadPostmortemSettings(client: Prisma.TransactionClient, organizationId: string): Promise<PostmortemSettingsDto> {
  const [rows, org] = await Promise.all([
    client.postmortemTemplate.findMany({
      where: { organizationId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, description: true, sections: true },
    }),
    client.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { postmortemTemplateDefaults: true } }),
  ]);
  const templates = [
    ...BUILTIN_TEMPLATES,
    ...rows.map((r) => ({
      key: r.id,
      name: r.name,
      description: r.description,
      isBuiltin: false,
      sections: toTemplateSections(r.sections),
    })),
  ];
  const saved = toDefaults(org.postmortemTemplateDefaults);
  const defaults = Object.fromEntries(
    SEVERITIES.map((s) => {
      const key = templateKeyFor(s, saved);
      return [s, templates.some((t) => t.key === key) ? key : templateKeyFor(s, {})];
    }),
  ) as Record<SeverityName, string>;
  return { templates, defaults };
}

/** Template names are unique ignoring case, as people read them; the database index is exact. */
export async function assertNameFree(
  tx: Prisma.TransactionClient,
  organizationId: string,
  name: string | undefined,
  exceptId?: string,
): Promise<void> {
  if (name === undefined) return;
  const clash = await tx.postmortemTemplate.findFirst({
    where: { organizationId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { name: true },
  });
  if (clash) throw invalidField("name", `a template named "${clash.name}" already exists`);
}

export const nameTaken = (error: unknown, name: string | undefined) =>
  isUniqueViolation(error) && name ? invalidField("name", `a template named "${name}" already exists`) : null;
