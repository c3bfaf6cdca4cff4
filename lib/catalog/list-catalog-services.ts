import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import type { CatalogServiceDto } from "./catalog-dto.ts";
import { serviceSelect, toServiceDto } from "./service-record.ts";

/** The whole catalog for browsing: owner, on-call, health and how connected each service is. */
export async function listCatalogServices(actor: Actor): Promise<CatalogServiceDto[]> {
  assertCan(actor, "incident:read");
  const rows = await db().service.findMany({
    where: { organizationId: actor.organizationId },
    select: serviceSelect,
    orderBy: { name: "asc" },
  });
  return rows.map(toServiceDto);
}
