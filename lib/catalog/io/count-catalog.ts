import { assertCan, type Actor } from "../../auth/actor.ts";
import { db } from "../../db/client.ts";

/** How much an export holds, for the page. */
export async function countCatalog(actor: Actor): Promise<{ teams: number; services: number; dependencies: number }> {
  assertCan(actor, "incident:read");
  const organizationId = actor.organizationId;
  const [teams, services, dependencies] = await Promise.all([
    db().team.count({ where: { organizationId } }),
    db().service.count({ where: { organizationId } }),
    db().serviceDependency.count({ where: { from: { organizationId } } }),
  ]);
  return { teams, services, dependencies };
}
