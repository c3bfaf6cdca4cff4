import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { integrationSelect, toIntegrationDto, type IntegrationDto } from "./integration-dto.ts";
import { readIntegrationStats } from "./read-integration-stats.ts";

export async function listIntegrations(actor: Actor): Promise<IntegrationDto[]> {
  assertCan(actor, "org:admin");
  const rows = await db().integration.findMany({
    where: { organizationId: actor.organizationId },
    select: integrationSelect,
    orderBy: { name: "asc" },
  });
  const stats = await readIntegrationStats(rows.map((r) => r.id));
  return rows.map((r) => toIntegrationDto(r, stats.get(r.id)));
}
