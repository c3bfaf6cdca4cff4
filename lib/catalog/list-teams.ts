import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import type { TeamDto } from "./catalog-dto.ts";
import { teamSelect, toTeamDto } from "./team-record.ts";

/** Every team of the organisation with its on-call, members and how many services it owns. */
export async function listTeams(actor: Actor): Promise<TeamDto[]> {
  assertCan(actor, "incident:read");
  const rows = await db().team.findMany({ where: { organizationId: actor.organizationId }, select: teamSelect, orderBy: { name: "asc" } });
  return rows.map(toTeamDto);
}
