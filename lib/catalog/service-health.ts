import { z } from "zod";
import { type Actor } from "../auth/actor.ts";
import type { ServiceHealthUpdate } from "../realtime/protocol.ts";
import type { HealthName } from "../vocabulary/catalog.ts";

// Pushed and polled health write the same three fields and the last writer wins: a service that
// pushes and also has a health-check URL shows whichever spoke last, with its time.

export type ServiceHealthDto = ServiceHealthUpdate;

export const ZServiceId = z.uuid();

export const healthSelect = { id: true, health: true, healthMessage: true, healthCheckedAt: true } as const;

export function toServiceHealthDto(row: {
  id: string;
  health: HealthName;
  healthMessage: string;
  healthCheckedAt: Date | null;
}): ServiceHealthDto {
  return {
    serviceId: row.id,
    health: row.health,
    healthMessage: row.healthMessage,
    healthCheckedAt: row.healthCheckedAt?.toISOString() ?? null,
  };
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
