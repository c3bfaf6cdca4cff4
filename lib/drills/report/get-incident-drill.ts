import type { Actor } from "../../auth/actor.ts";
import { db } from "../../db/client.ts";

/** The drill an incident practises (null for a real incident), scoped to the actor's organisation. */
export async function getIncidentDrill(actor: Actor, incidentId: string): Promise<{ id: string; status: "running" | "finished" | "cancelled" } | null> {
  const row = await db().incident.findFirst({
    where: { id: incidentId, organizationId: actor.organizationId },
    select: { drill: { select: { id: true, status: true } } },
  });
  return row?.drill ?? null;
}
