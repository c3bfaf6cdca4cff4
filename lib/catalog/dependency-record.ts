import { type Actor } from "../auth/actor.ts";
import type { Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import type { DependencyDto } from "./catalog-dto.ts";

type Tx = Prisma.TransactionClient;

export const dependencySelect = {
  id: true,
  isAsync: true,
  isCritical: true,
  from: { select: { id: true, name: true } },
  to: { select: { id: true, name: true } },
} satisfies Prisma.ServiceDependencySelect;

export const audited = (d: DependencyDto) => ({ from: d.from.name, to: d.to.name, isAsync: d.isAsync, isCritical: d.isCritical });

/** Scoped through the calling service's organisation; anything else is a 404. */
export async function loadDependency(tx: Tx, actor: Actor, dependencyId: string): Promise<DependencyDto> {
  const row = await tx.serviceDependency.findFirst({
    where: { id: dependencyId, from: { organizationId: actor.organizationId } },
    select: dependencySelect,
  });
  if (!row) throw notFound("Dependency");
  return row;
}
