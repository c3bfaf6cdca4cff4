import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import {
  recentAlertSelect,
  toIntegrationDto,
  toRecentAlertDto,
  type IntegrationDto,
  type RecentAlertDto,
  type WebhookRefusalDto,
} from "./integration-dto.ts";
import { KEPT_REFUSALS } from "./record-webhook-refusal.ts";
import { findIntegrationOrThrow } from "./integration-record.ts";
import { readIntegrationStats } from "./read-integration-stats.ts";

export async function getIntegration(
  actor: Actor,
  id: string,
): Promise<IntegrationDto & { recentAlerts: RecentAlertDto[]; refusals: WebhookRefusalDto[] }> {
  assertCan(actor, "org:admin");
  const row = await findIntegrationOrThrow(db(), actor, id);
  const [stats, recent, refusals] = await Promise.all([
    readIntegrationStats([row.id]),
    db().integrationAlert.findMany({
      where: { integrationId: row.id },
      select: recentAlertSelect,
      orderBy: { lastSeenAt: "desc" },
      take: 25,
    }),
    db().webhookRefusal.findMany({
      where: { integrationId: row.id },
      select: { receivedAt: true, status: true, code: true, reason: true, bodyExcerpt: true },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: KEPT_REFUSALS,
    }),
  ]);
  return {
    ...toIntegrationDto(row, stats.get(row.id)),
    recentAlerts: recent.map(toRecentAlertDto),
    refusals: refusals.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })),
  };
}
