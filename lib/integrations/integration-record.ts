import { type Actor } from "../auth/actor.ts";
import { type Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import { integrationSelect } from "./integration-dto.ts";
import { z } from "zod";
import { invalidField } from "../errors/field-errors.ts";

type Tx = Prisma.TransactionClient;

export async function findIntegrationOrThrow(tx: Tx, actor: Actor, id: string) {
  if (!z.uuid().safeParse(id).success) throw notFound("Integration");
  const row = await tx.integration.findFirst({ where: { id, organizationId: actor.organizationId }, select: integrationSelect });
  if (!row) throw notFound("Integration");
  return row;
}

/** Every service id a mapping names must be one of the organisation's services. */
export async function checkServices(
  tx: Tx,
  actor: Actor,
  input: { defaultServiceId?: string | null; serviceRules?: { serviceId: string }[] },
) {
  const wanted = [
    ...new Set([...(input.defaultServiceId ? [input.defaultServiceId] : []), ...(input.serviceRules ?? []).map((r) => r.serviceId)]),
  ];
  if (!wanted.length) return;
  const found = new Set(
    (await tx.service.findMany({ where: { organizationId: actor.organizationId, id: { in: wanted } }, select: { id: true } })).map(
      (s) => s.id,
    ),
  );
  if (input.defaultServiceId && !found.has(input.defaultServiceId)) throw invalidField("defaultServiceId", "unknown service");
  input.serviceRules?.forEach((r, i) => {
    if (!found.has(r.serviceId)) throw invalidField(`serviceRules.${i}.serviceId`, "unknown service");
  });
}

export async function checkName(tx: Tx, actor: Actor, name: string, exceptId?: string) {
  const clash = await tx.integration.findFirst({
    where: {
      organizationId: actor.organizationId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw invalidField("name", `an integration named "${name}" already exists`);
}
