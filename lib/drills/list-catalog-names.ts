import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import type { CatalogNames } from "./check-catalog.ts";

/** The names a scenario may use (services with their aliases, teams): the start page checks as you type. */
export async function listCatalogNames(actor: Actor): Promise<CatalogNames> {
  assertCan(actor, "incident:read");
  const [services, teams] = await Promise.all([
    db().service.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, name: true, aliases: true } }),
    db().team.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, name: true } }),
  ]);
  return { services, teams };
}
