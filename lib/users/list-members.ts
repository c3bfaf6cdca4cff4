import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { memberSelect, toMemberDto, type MemberDto } from "./member-dto.ts";

/**
 * The people of the actor's organisation, for role pickers and team members. Deactivated people
 * only when asked for (the audit log's filter: their history stays theirs).
 */
export async function listMembers(actor: Actor, options: { includeDeactivated?: boolean } = {}): Promise<MemberDto[]> {
  assertCan(actor, "incident:read");
  const rows = await db().user.findMany({
    where: { organizationId: actor.organizationId, ...(options.includeDeactivated ? {} : { deactivatedAt: null }) },
    select: memberSelect,
    orderBy: { name: "asc" },
  });
  return rows.map(toMemberDto);
}
