import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import type { ServiceDetailDto } from "./catalog-dto.ts";
import { assertId } from "../errors/field-errors.ts";
import { loadService } from "./service-record.ts";

/** One service with its dependencies both ways and the open incidents it is impacted in. */
export async function getService(actor: Actor, serviceId: string): Promise<ServiceDetailDto> {
  assertCan(actor, "incident:read");
  assertId(serviceId, "Service");
  return loadService(db(), actor, serviceId);
}
