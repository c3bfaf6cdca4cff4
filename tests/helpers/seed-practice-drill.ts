import type { Actor } from "../../lib/auth/actor.ts";
import { db } from "../../lib/db/client.ts";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { seedIncident } from "./seed.ts";

export interface PracticeDrill {
  id: string;
  incident: IncidentDto;
}

/**
 * A running drill and its practice incident, written directly (startDrill and the player live
 * elsewhere): the incident is declared through the one write path, then tied to the drill.
 */
export async function seedPracticeDrill(
  actor: Actor,
  options: { failingServiceId?: string | null; speed?: 1 | 2 | 5; startedAt?: Date; scenarioKey?: string; title?: string } = {},
): Promise<PracticeDrill> {
  const drill = await db().drill.create({
    data: {
      organizationId: actor.organizationId,
      scenarioKey: options.scenarioKey ?? "payment-gateway-timeouts",
      scenarioName: "Payment gateway adapter timeouts at 10× Black Friday traffic",
      scenarioYaml: "name: Payment gateway adapter timeouts\n",
      failingServiceId: options.failingServiceId ?? null,
      speed: options.speed ?? 1,
      startedById: actor.userId,
      startedAt: options.startedAt ?? new Date(),
    },
    select: { id: true },
  });
  const incident = await seedIncident(actor, { title: options.title ?? "DRILL: card payments timing out", severity: "SEV3" });
  await db().incident.update({ where: { id: incident.id }, data: { drillId: drill.id } });
  return { id: drill.id, incident };
}
