import { z } from "zod";
import { assertCan, type Actor } from "../auth/actor.ts";
import { rolesWith } from "../auth/permissions.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { memberSelect, toMemberDto, type MemberDto } from "./member-dto.ts";

export const USER_SEARCH_DEFAULT = 20;
export const USER_SEARCH_MAX = 100;

// Issue #17: an organisation of a thousand people cannot hand every one of them to a picker; the
// room's pickers ask for the few that match what was typed.
export const ZUserSearch = z.object({
  q: z.string().trim().max(100, "q must be at most 100 characters").optional(),
  limit: z.coerce
    .number("limit must be a number")
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(USER_SEARCH_MAX, `limit must be at most ${USER_SEARCH_MAX}`)
    .default(USER_SEARCH_DEFAULT),
  // Only people whose role may take an incident role or respond (the check setIncidentRole makes).
  assignable: z.enum(["true", "false"], "assignable must be true or false").optional(),
});
export type TUserSearch = z.input<typeof ZUserSearch>;

/** `%` and `_` typed into a picker are letters to find, not LIKE wildcards. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * People of the actor's organisation whose name or email contains `q` (any case), by name;
 * deactivated people never. `hasMore` says the list was cut at `limit`: type more to narrow it.
 */
export async function searchMembers(actor: Actor, raw: unknown): Promise<{ users: MemberDto[]; hasMore: boolean }> {
  assertCan(actor, "incident:read");
  const query = ZUserSearch.parse(raw);
  const text = query.q ? literal(query.q) : "";
  const where: Prisma.UserWhereInput = {
    organizationId: actor.organizationId,
    deactivatedAt: null,
    ...(query.assignable === "true" ? { role: { in: [...rolesWith("incident:edit")] } } : {}),
    ...(text ? { OR: [{ name: { contains: text, mode: "insensitive" } }, { email: { contains: text, mode: "insensitive" } }] } : {}),
  };
  const rows = await db().user.findMany({
    where,
    select: memberSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: query.limit + 1,
  });
  return { users: rows.slice(0, query.limit).map(toMemberDto), hasMore: rows.length > query.limit };
}
