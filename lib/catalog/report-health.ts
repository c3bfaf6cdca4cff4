import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { publishServiceHealth } from "../realtime/emit.ts";
import type { HealthName } from "../vocabulary/catalog.ts";
import { ZHealthReport } from "./schemas.ts";
import { type ServiceHealthDto, ZServiceId } from "./service-health.ts";
import { writeHealth } from "./write-health.ts";

/** A service (or someone for it) says how it is. Every push is broadcast; state changes are audited. */
export async function reportHealth(actor: Actor, serviceId: string, raw: unknown): Promise<ServiceHealthDto> {
  assertCan(actor, "health:report");
  const report = ZHealthReport.parse(raw);
  if (!ZServiceId.safeParse(serviceId).success) throw notFound("Service");
  const dto = await db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ health: HealthName; healthMessage: string }[]>`
      SELECT health::text AS health, "healthMessage" FROM "Service"
      WHERE id = ${serviceId}::uuid AND "organizationId" = ${actor.organizationId}::uuid FOR UPDATE`;
    const previous = locked[0];
    if (!previous) throw notFound("Service");
    const result = await writeHealth(tx, actor.organizationId, serviceId, previous, {
      health: report.status,
      message: report.message,
      checkedAt: new Date(),
      actor,
      source: "push",
    });
    return result.dto;
  });
  publishServiceHealth(actor.organizationId, dto);
  return dto;
}
