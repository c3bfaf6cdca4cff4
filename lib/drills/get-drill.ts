import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { drillSelect, toDrillDto, type DrillDto } from "./drill-dto.ts";
import { ZDrillId } from "./schemas.ts";

export async function getDrill(actor: Actor, drillId: string): Promise<DrillDto> {
  assertCan(actor, "incident:read");
  if (!ZDrillId.safeParse(drillId).success) throw notFound("Drill");
  const row = await db().drill.findFirst({ where: { id: drillId, organizationId: actor.organizationId }, select: drillSelect });
  if (!row) throw notFound("Drill");
  return toDrillDto(row);
}
