import { systemPrincipal } from "../audit/audit-principal.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { HealthName } from "../vocabulary/catalog.ts";
import { healthSelect, type HealthWrite, type ServiceHealthDto, toServiceHealthDto } from "./service-health.ts";

type Tx = Prisma.TransactionClient;

/**
 * Stores a health result on a row the caller has locked, and audits state changes only (an
 * "ok" every 30 seconds is not worth a record; "ok → down" is). Returns null-free DTO and
 * whether anything a person would see changed.
 */
export async function writeHealth(
  tx: Tx,
  organizationId: string,
  serviceId: string,
  previous: { health: HealthName; healthMessage: string },
  write: HealthWrite,
): Promise<{ dto: ServiceHealthDto; isVisibleChange: boolean }> {
  const row = await tx.service.update({
    where: { id: serviceId },
    data: {
      health: write.health,
      healthMessage: write.message,
      healthCheckedAt: write.checkedAt,
      ...(write.poll ? { healthFailures: write.poll.failures, healthNextCheckAt: write.poll.nextCheckAt } : {}),
    },
    select: healthSelect,
  });
  if (previous.health !== write.health) {
    // The poller acts for nobody: the record says so with a null actor.
    await recordAudit(tx, write.actor ?? systemPrincipal(organizationId), {
      action: "service.health",
      entityType: "Service",
      entityId: serviceId,
      before: { health: previous.health, message: previous.healthMessage },
      after: { health: write.health, message: write.message, source: write.source },
    });
  }
  return { dto: toServiceHealthDto(row), isVisibleChange: previous.health !== write.health || previous.healthMessage !== write.message };
}
