import { assertCan, type Actor } from "../auth/actor.ts";
import { notFound } from "../errors/app-error.ts";
import { ZIncidentId } from "../incident-record/schemas.ts";
import type { ImpactSummaryDto } from "./impact-dto.ts";
import { loadImpact } from "./load-impact.ts";

/** The incident's impact now: per minute, so far, next hour, response cost, history, priority. */
export async function getIncidentImpact(actor: Actor, incidentId: string, now = new Date()): Promise<ImpactSummaryDto> {
  assertCan(actor, "incident:read");
  if (!ZIncidentId.safeParse(incidentId).success) throw notFound("Incident");
  const [found] = await loadImpact(actor.organizationId, { id: incidentId }, now);
  if (!found) throw notFound("Incident");
  return found.impact;
}
