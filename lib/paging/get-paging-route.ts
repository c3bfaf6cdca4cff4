import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { routeDtoSelect, toRouteDto, type PagingRouteDto } from "./route-dto.ts";
import { findTeamOrThrow } from "./route-record.ts";

export async function getPagingRoute(actor: Actor, teamId: string): Promise<{ route: PagingRouteDto | null }> {
  assertCan(actor, "incident:read");
  const team = await findTeamOrThrow(db(), actor, teamId);
  const row = await db().pagingRoute.findUnique({ where: { teamId: team.id }, select: routeDtoSelect });
  return { route: row ? toRouteDto(row) : null };
}
