import type { Prisma } from "../db/generated/client.ts";
import type { Actor } from "../auth/actor.ts";
import { notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "./schemas.ts";

/**
 * Locks the incident row for the rest of the transaction, scoped to the actor's organisation,
 * so concurrent changes queue and "from → to" in the timeline is never stale. The organisation's
 * time zone (server-written text names times in it) comes with the lock, at no extra round trip;
 * only the incident's row is locked, never the organisation's.
 */
export async function lockIncident(tx: Prisma.TransactionClient, actor: Actor, incidentId: string) {
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  const [locked] = await tx.$queryRaw<{ timeZone: string }[]>`
    SELECT o."timeZone" FROM "Incident" i JOIN "Organization" o ON o.id = i."organizationId"
    WHERE i.id = ${incidentId}::uuid AND i."organizationId" = ${actor.organizationId}::uuid FOR UPDATE OF i`;
  if (!locked) throw notFound("Incident");
  const incident = await tx.incident.findUniqueOrThrow({
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
  return { ...incident, timeZone: locked.timeZone };
}

export type LockedIncident = Awaited<ReturnType<typeof lockIncident>>;
