import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { healthSelect, type ServiceHealthDto, toServiceHealthDto, ZServiceId } from "./service-health.ts";

export async function getServiceHealth(actor: Actor, serviceId: string): Promise<ServiceHealthDto> {
  assertCan(actor, "incident:read");
  if (!ZServiceId.safeParse(serviceId).success) throw notFound("Service");
  const row = await db().service.findFirst({ where: { id: serviceId, organizationId: actor.organizationId }, select: healthSelect });
  if (!row) throw notFound("Service");
  return toServiceHealthDto(row);
}
