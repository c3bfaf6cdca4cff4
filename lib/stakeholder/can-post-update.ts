// Client-safe: who speaks for the incident. The composer shows only to them; the server enforces it.
import { can, canCommand, type RoleName } from "../auth/permissions.ts";

/**
 * The incident's commander or communications lead, or any ADMIN/COMMANDER. Responders who are
 * neither do not post: one voice to stakeholders, and viewers never write.
 */
export function canPostStakeholderUpdate(
  actor: { userId: string; role: RoleName },
  incident: { commanderId: string | null; commsLeadId: string | null },
): boolean {
  if (!can(actor.role, "timeline:post")) return false;
  return canCommand(actor, incident) || incident.commsLeadId === actor.userId;
}
