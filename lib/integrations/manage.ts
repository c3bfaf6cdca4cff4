import { randomBytes } from "node:crypto";
import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import { integrationSelect, recentAlertSelect, toIntegrationDto, toRecentAlertDto, type IntegrationDto, type RecentAlertDto, type WebhookRefusalDto } from "./integration-dto.ts";
import { KEPT_REFUSALS } from "./record-refusal.ts";
import { GROUPING_KINDS } from "./kinds.ts";
import { DEFAULT_SEVERITY_RULES } from "./mapping.ts";
import { ZCreateIntegration, ZUpdateIntegration } from "./schemas.ts";
import { z } from "zod";
import { invalidField } from "../errors/field-errors.ts";

type Tx = Prisma.TransactionClient;

/** 192 random bits; `whk_` tells it apart from API tokens (`wr_`) in a leaked config. */
export function generateWebhookSecret(): string {
  return `whk_${randomBytes(24).toString("base64url")}`;
}

async function findOrThrow(tx: Tx, actor: Actor, id: string) {
  if (!z.uuid().safeParse(id).success) throw notFound("Integration");
  const row = await tx.integration.findFirst({ where: { id, organizationId: actor.organizationId }, select: integrationSelect });
  if (!row) throw notFound("Integration");
  return row;
}

/** Every service id a mapping names must be one of the organisation's services. */
async function checkServices(tx: Tx, actor: Actor, input: { defaultServiceId?: string | null; serviceRules?: { serviceId: string }[] }) {
  const wanted = [...new Set([...(input.defaultServiceId ? [input.defaultServiceId] : []), ...(input.serviceRules ?? []).map((r) => r.serviceId)])];
  if (!wanted.length) return;
  const found = new Set(
    (await tx.service.findMany({ where: { organizationId: actor.organizationId, id: { in: wanted } }, select: { id: true } })).map((s) => s.id),
  );
  if (input.defaultServiceId && !found.has(input.defaultServiceId)) throw invalidField("defaultServiceId", "unknown service");
  input.serviceRules?.forEach((r, i) => {
    if (!found.has(r.serviceId)) throw invalidField(`serviceRules.${i}.serviceId`, "unknown service");
  });
}

async function checkName(tx: Tx, actor: Actor, name: string, exceptId?: string) {
  const clash = await tx.integration.findFirst({
    where: { organizationId: actor.organizationId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw invalidField("name", `an integration named "${name}" already exists`);
}

async function statsFor(ids: string[]): Promise<Map<string, { keys: number; received: number }>> {
  if (!ids.length) return new Map();
  const [rows, answers] = await Promise.all([
    db().integrationAlert.groupBy({ by: ["integrationId"], where: { integrationId: { in: ids } }, _count: { _all: true }, _sum: { count: true } }),
    // Survey integrations store answers, not alerts: each distinct answer is a key and was received.
    db().customerSignal.groupBy({ by: ["integrationId"], where: { integrationId: { in: ids } }, _count: { _all: true } }),
  ]);
  const stats = new Map(rows.map((r) => [r.integrationId, { keys: r._count._all, received: r._sum.count ?? 0 }]));
  for (const a of answers) stats.set(a.integrationId, { keys: a._count._all, received: a._count._all });
  return stats;
}

export async function listIntegrations(actor: Actor): Promise<IntegrationDto[]> {
  assertCan(actor, "org:admin");
  const rows = await db().integration.findMany({ where: { organizationId: actor.organizationId }, select: integrationSelect, orderBy: { name: "asc" } });
  const stats = await statsFor(rows.map((r) => r.id));
  return rows.map((r) => toIntegrationDto(r, stats.get(r.id)));
}

export async function getIntegration(actor: Actor, id: string): Promise<IntegrationDto & { recentAlerts: RecentAlertDto[]; refusals: WebhookRefusalDto[] }> {
  assertCan(actor, "org:admin");
  const row = await findOrThrow(db(), actor, id);
  const [stats, recent, refusals] = await Promise.all([
    statsFor([row.id]),
    db().integrationAlert.findMany({ where: { integrationId: row.id }, select: recentAlertSelect, orderBy: { lastSeenAt: "desc" }, take: 25 }),
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

/** Creates an integration with a fresh secret; the answer is the only time the secret is shown. */
export async function createIntegration(actor: Actor, input: unknown): Promise<{ integration: IntegrationDto; secret: string }> {
  assertCan(actor, "org:admin");
  const data = ZCreateIntegration.parse(input);
  const secret = generateWebhookSecret();
  const integration = await db().$transaction(async (tx) => {
    await checkName(tx, actor, data.name);
    await checkServices(tx, actor, data);
    const row = await tx.integration.create({
      data: {
        organizationId: actor.organizationId,
        kind: data.kind,
        name: data.name,
        secret,
        serviceLabel: data.serviceLabel,
        defaultServiceId: data.defaultServiceId ?? null,
        serviceRules: (data.serviceRules ?? []) as Prisma.InputJsonValue,
        severityLabel: data.severityLabel,
        severityRules: (data.severityRules ?? DEFAULT_SEVERITY_RULES) as unknown as Prisma.InputJsonValue,
        defaultSeverity: data.defaultSeverity,
        opensIncidents: data.opensIncidents,
        // Only Alertmanager and Grafana send notification groups; for them grouping is the default.
        groupAlerts: GROUPING_KINDS.includes(data.kind) ? (data.groupAlerts ?? true) : false,
        alertDegradation: data.alertDegradation ?? Prisma.DbNull,
      },
      select: integrationSelect,
    });
    const dto = toIntegrationDto(row);
    await recordAudit(tx, actor, { action: "integration.create", entityType: "Integration", entityId: row.id, after: dto });
    return dto;
  });
  return { integration, secret };
}

/** Changes the mapping or name; `rotateSecret` or `secret` replaces the secret (returned once). */
export async function updateIntegration(actor: Actor, id: string, input: unknown): Promise<{ integration: IntegrationDto; secret: string | null }> {
  assertCan(actor, "org:admin");
  const { rotateSecret, secret: given, ...data } = ZUpdateIntegration.parse(input);
  const secret = rotateSecret ? generateWebhookSecret() : (given ?? null);
  const integration = await db().$transaction(async (tx) => {
    const before = await findOrThrow(tx, actor, id);
    if (data.name !== undefined) await checkName(tx, actor, data.name, id);
    await checkServices(tx, actor, data);
    const row = await tx.integration.update({
      where: { id: before.id },
      data: {
        ...data,
        serviceRules: data.serviceRules as Prisma.InputJsonValue | undefined,
        severityRules: data.severityRules as Prisma.InputJsonValue | undefined,
        alertDegradation: data.alertDegradation === undefined ? undefined : (data.alertDegradation ?? Prisma.DbNull),
        ...(secret ? { secret } : {}),
      },
      select: integrationSelect,
    });
    const dto = toIntegrationDto(row);
    await recordAudit(tx, actor, {
      action: secret ? "integration.rotate_secret" : "integration.update",
      entityType: "Integration",
      entityId: row.id,
      before: toIntegrationDto(before),
      after: dto,
    });
    return dto;
  });
  return { integration, secret };
}

/** Deletes the integration with its alert history; incidents it opened stay. */
export async function deleteIntegration(actor: Actor, id: string): Promise<{ deleted: { id: string; name: string } }> {
  assertCan(actor, "org:admin");
  return db().$transaction(async (tx) => {
    const row = await findOrThrow(tx, actor, id);
    await tx.integration.delete({ where: { id: row.id } });
    await recordAudit(tx, actor, { action: "integration.delete", entityType: "Integration", entityId: row.id, before: toIntegrationDto(row) });
    return { deleted: { id: row.id, name: row.name } };
  });
}
