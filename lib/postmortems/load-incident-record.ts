import "server-only";
import type { Actor } from "../auth/actor.ts";
import { getIncidentImpact } from "../impact/get-incident-impact.ts";
import { getIncidentBlastRadius } from "../incidents/get-blast-radius.ts";
import type { IncidentDto } from "../incident-record/incident-dto.ts";
import { listEvents } from "../timeline/list-events.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import type { IncidentRecord } from "./draft.ts";

const PAGE = 500;

/** Everything a draft is written from, through the same readers the room uses. */
export async function loadIncidentRecord(actor: Actor, incident: IncidentDto): Promise<IncidentRecord> {
  const [impact, blastRadius] = await Promise.all([getIncidentImpact(actor, incident.id), getIncidentBlastRadius(actor, incident.id)]);
  const events: TimelineEventDto[] = [];
  let after = 0;
  for (;;) {
    const page = await listEvents(actor, incident.id, { after, limit: PAGE });
    events.push(...page.events);
    if (!page.hasMore || page.events.length === 0) break;
    after = page.events[page.events.length - 1]?.seq ?? after;
  }
  return { incident, impact, blastRadius, events };
}
