import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";

export interface ServiceSummaryDto {
  id: string;
  name: string;
  tier: number;
  team: { id: string; name: string };
}

/** The organisation's services with their owning team, for pickers. */
export async function listServices(actor: Actor): Promise<ServiceSummaryDto[]> {
  assertCan(actor, "incident:read");
  return db().service.findMany({
    where: { organizationId: actor.organizationId },
    select: { id: true, name: true, tier: true, team: { select: { id: true, name: true } } },
    orderBy: [{ tier: "asc" }, { name: "asc" }],
  });
}
