import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import { orderIncidents } from "@/lib/incidents/incident-order.ts";

/** A pushed incident into the live list, in the server's order; an older copy never replaces a newer one. */
export function upsertIncident(list: IncidentDto[], incident: IncidentDto): IncidentDto[] {
  const current = list.find((i) => i.id === incident.id);
  if (current && current.lastSeq > incident.lastSeq) return list;
  return orderIncidents([incident, ...list.filter((i) => i.id !== incident.id)]);
}
