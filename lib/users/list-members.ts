import { assertCan, type Actor } from "../auth/actor.ts";
import type { RoleName } from "../auth/permissions.ts";
import { db } from "../db/client.ts";

export interface MemberDto {
  id: string;
  name: string;
  email: string;
  role: RoleName;
}

/** The people of the actor's organisation, for role pickers. */
export async function listMembers(actor: Actor): Promise<MemberDto[]> {
  assertCan(actor, "incident:read");
  return db().user.findMany({
    where: { organizationId: actor.organizationId },
    select: { id: true, name: true, email: true, role: true },
    orderBy: { name: "asc" },
  });
}
