import type { Prisma } from "../db/generated/client.ts";
import type { SeverityName } from "../vocabulary/incidents.ts";
import { invalidField } from "../errors/field-errors.ts";
import { findBuiltinTemplate, templateKeyFor, type PostmortemTemplateDto, type TemplateSection } from "./templates.ts";

type Client = Prisma.TransactionClient;

export function toTemplateSections(json: unknown): TemplateSection[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((s: unknown) => {
    const o = s as Partial<TemplateSection> | null;
    return o && typeof o.key === "string" && typeof o.title === "string"
      ? [{ key: o.key, title: o.title, guidance: typeof o.guidance === "string" ? o.guidance : "" }]
      : [];
  });
}

export function toDefaults(json: unknown): Partial<Record<SeverityName, string>> {
  return json && typeof json === "object" && !Array.isArray(json) ? (json as Partial<Record<SeverityName, string>>) : {};
}

/** A built-in or one of the organisation's templates; null when the key names neither. */
export async function findTemplate(client: Client, organizationId: string, key: string): Promise<PostmortemTemplateDto | null> {
  const builtin = findBuiltinTemplate(key);
  if (builtin) return builtin;
  if (!/^[0-9a-f-]{36}$/i.test(key)) return null;
  const row = await client.postmortemTemplate.findFirst({
    where: { id: key, organizationId },
    select: { id: true, name: true, description: true, sections: true },
  });
  return row
    ? { key: row.id, name: row.name, description: row.description, isBuiltin: false, sections: toTemplateSections(row.sections) }
    : null;
}

/**
 * The template to draft from: the one asked for, else the organisation's default for the
 * severity, else the built-in default (a default whose template was deleted falls back).
 */
export async function resolveTemplate(
  client: Client,
  organizationId: string,
  severity: SeverityName,
  asked: string | undefined,
): Promise<PostmortemTemplateDto> {
  if (asked) {
    const found = await findTemplate(client, organizationId, asked);
    if (!found) throw invalidField("templateKey", `unknown template ${asked}`);
    return found;
  }
  const org = await client.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { postmortemTemplateDefaults: true } });
  const key = templateKeyFor(severity, toDefaults(org.postmortemTemplateDefaults));
  return (await findTemplate(client, organizationId, key)) ?? (await findTemplate(client, organizationId, templateKeyFor(severity, {})))!;
}
