import { assertCan, type Actor } from "../auth/actor.ts";
import type { RoleName } from "../auth/permissions.ts";
import { db } from "../db/client.ts";

export interface MemberDto {
  id: string;
  name: string;
  email: string;
  role: RoleName;
  /** "invited": named on teams and pickers already, but has not accepted the invitation yet. */
  status: "active" | "invited" | "deactivated";
}

/**
 * The people of the actor's organisation, for role pickers and team members. Deactivated people
 * only when asked for (the audit log's filter: their history stays theirs).
 */
export async function listMembers(actor: Actor, options: { includeDeactivated?: boolean } = {}): Promise<MemberDto[]> {
  assertCan(actor, "incident:read");
  const rows = await db().user.findMany({
    where: { organizationId: actor.organizationId, ...(options.includeDeactivated ? {} : { deactivatedAt: null }) },
    select: { id: true, name: true, email: true, role: true, pendingInvite: true, deactivatedAt: true },
    orderBy: { name: "asc" },
  });
  return rows.map(toMemberDto);
}

type MemberRow = Omit<MemberDto, "status"> & { pendingInvite: boolean; deactivatedAt: Date | null };

export function toMemberDto({ pendingInvite, deactivatedAt, ...m }: MemberRow): MemberDto {
  return { ...m, status: deactivatedAt ? "deactivated" : pendingInvite ? "invited" : "active" };
}
