import { z } from "zod";
import { assertCan, type Actor } from "../auth/actor.ts";
import { systemPrincipal } from "../audit/audit-principal.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import { publishServiceHealth } from "../realtime/emit.ts";
import type { ServiceHealthUpdate } from "../realtime/protocol.ts";
import type { HealthName } from "../vocabulary/catalog.ts";
import { ZHealthReport } from "./schemas.ts";

// Pushed and polled health write the same three fields and the last writer wins: a service that
// pushes and also has a health-check URL shows whichever spoke last, with its time.

export type ServiceHealthDto = ServiceHealthUpdate;

type Tx = Prisma.TransactionClient;

const ZServiceId = z.uuid();

const healthSelect = { id: true, health: true, healthMessage: true, healthCheckedAt: true } as const;

function toDto(row: { id: string; health: HealthName; healthMessage: string; healthCheckedAt: Date | null }): ServiceHealthDto {
  return { serviceId: row.id, health: row.health, healthMessage: row.healthMessage, healthCheckedAt: row.healthCheckedAt?.toISOString() ?? null };
}

export interface HealthWrite {
  health: HealthName;
  message: string;
  checkedAt: Date;
  /** Who said so: a user (push) or null for the poller. */
  actor: Actor | null;
  source: "push" | "poll";
  /** Poller back-off state, written with the result. */
  poll?: { failures: number; nextCheckAt: Date };
}

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
  return { dto: toDto(row), isVisibleChange: previous.health !== write.health || previous.healthMessage !== write.message };
}

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

export async function getServiceHealth(actor: Actor, serviceId: string): Promise<ServiceHealthDto> {
  assertCan(actor, "incident:read");
  if (!ZServiceId.safeParse(serviceId).success) throw notFound("Service");
  const row = await db().service.findFirst({ where: { id: serviceId, organizationId: actor.organizationId }, select: healthSelect });
  if (!row) throw notFound("Service");
  return toDto(row);
}
