import type { Prisma } from "../db/generated/client.ts";
import type { Actor } from "../auth/actor.ts";
import { notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "./schemas.ts";

/**
 * Locks the incident row for the rest of the transaction, scoped to the actor's organisation,
 * so concurrent changes queue and "from → to" in the timeline is never stale.
 */
export async function lockIncident(tx: Prisma.TransactionClient, actor: Actor, incidentId: string) {
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Incident" WHERE id = ${incidentId}::uuid AND "organizationId" = ${actor.organizationId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("Incident");
  return tx.incident.findUniqueOrThrow({
    where: { id: incidentId },
    select: {
      id: true,
      title: true,
      summary: true,
      severity: true,
      status: true,
      customerStatus: true,
      tags: true,
      commanderId: true,
      commsLeadId: true,
      scribeId: true,
      startedAt: true,
      detectedAt: true,
      acknowledgedAt: true,
      mitigatedAt: true,
      resolvedAt: true,
    },
  });
}

export type LockedIncident = Awaited<ReturnType<typeof lockIncident>>;
