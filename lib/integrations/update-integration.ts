import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { integrationSelect, toIntegrationDto, type IntegrationDto } from "./integration-dto.ts";
import { ZUpdateIntegration } from "./schemas.ts";
import { generateWebhookSecret } from "./generate-webhook-secret.ts";
import { checkName, checkServices, findIntegrationOrThrow } from "./integration-record.ts";

/** Changes the mapping or name; `rotateSecret` or `secret` replaces the secret (returned once). */
export async function updateIntegration(
  actor: Actor,
  id: string,
  input: unknown,
): Promise<{ integration: IntegrationDto; secret: string | null }> {
  assertCan(actor, "org:admin");
  const { rotateSecret, secret: given, ...data } = ZUpdateIntegration.parse(input);
  const secret = rotateSecret ? generateWebhookSecret() : (given ?? null);
  const integration = await db().$transaction(async (tx) => {
    const before = await findIntegrationOrThrow(tx, actor, id);
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
