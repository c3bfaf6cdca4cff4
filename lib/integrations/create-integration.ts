import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { integrationSelect, toIntegrationDto, type IntegrationDto } from "./integration-dto.ts";
import { GROUPING_KINDS } from "./kinds.ts";
import { DEFAULT_SEVERITY_RULES } from "./mapping.ts";
import { ZCreateIntegration } from "./schemas.ts";
import { generateWebhookSecret } from "./generate-webhook-secret.ts";
import { checkName, checkServices } from "./integration-record.ts";

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
