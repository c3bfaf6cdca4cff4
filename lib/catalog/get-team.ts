import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import type { TeamDetailDto } from "./catalog-dto.ts";
import { assertId } from "../errors/field-errors.ts";
import { loadTeam } from "./team-record.ts";

/** One team with the services it owns; another organisation's team is a 404. */
export async function getTeam(actor: Actor, teamId: string): Promise<TeamDetailDto> {
  assertCan(actor, "incident:read");
  assertId(teamId, "Team");
  return loadTeam(db(), actor, teamId);
}
