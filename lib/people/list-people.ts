import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { personSelect, toPersonDto, type PersonDto } from "./person-dto.ts";

/** ADMIN: everyone in the organisation, deactivated people included, active first by name. */
export async function listPeople(actor: Actor): Promise<PersonDto[]> {
  assertCan(actor, "org:admin");
  const rows = await db().user.findMany({
    where: { organizationId: actor.organizationId },
    select: personSelect,
    orderBy: { name: "asc" },
  });
  const rank = { active: 0, invited: 1, deactivated: 2 } as const;
  return rows.map((r) => toPersonDto(r)).sort((a, b) => rank[a.status] - rank[b.status]);
}
