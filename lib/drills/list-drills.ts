import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { drillSelect, toDrillDto, type DrillDto } from "./drill-dto.ts";

/** The organisation's drills, newest first (everyone reads them; only some start them). */
export async function listDrills(actor: Actor): Promise<DrillDto[]> {
  assertCan(actor, "incident:read");
  const rows = await db().drill.findMany({
    where: { organizationId: actor.organizationId },
    select: drillSelect,
    orderBy: { startedAt: "desc" },
    take: 200,
  });
  return rows.map(toDrillDto);
}
