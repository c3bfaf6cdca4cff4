import type { Prisma } from "../db/generated/client.ts";

type Client = Prisma.TransactionClient;

/** `%`, `_` and `\` typed by a person are literal characters, not patterns. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Ids of the organisation's post-mortems whose title or text contains `q` (any case): the latest
 * published revision's section titles and bodies, and for ones not yet published the working
 * sections. Prisma cannot look inside a JSON array, hence SQL.
 */
export async function searchPostmortemIds(client: Client, organizationId: string, q: string): Promise<string[]> {
  const pattern = likePattern(q);
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "Postmortem" p
    WHERE p."organizationId" = ${organizationId}::uuid
      AND (
        p."title" ILIKE ${pattern}
        OR EXISTS (
          SELECT 1 FROM "PostmortemRevision" r, jsonb_array_elements(CASE WHEN jsonb_typeof(r."sections") = 'array' THEN r."sections" ELSE '[]'::jsonb END) s
          WHERE r."postmortemId" = p."id" AND r."number" = p."publishedRevision"
            AND (r."title" ILIKE ${pattern} OR s->>'title' ILIKE ${pattern} OR s->>'body' ILIKE ${pattern})
        )
        OR (p."status" <> 'published' AND EXISTS (
          SELECT 1 FROM "PostmortemSection" ps WHERE ps."postmortemId" = p."id" AND (ps."title" ILIKE ${pattern} OR ps."body" ILIKE ${pattern})
        ))
      )`;
  return rows.map((r) => r.id);
}
