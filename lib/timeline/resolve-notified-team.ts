import type { Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { matchTeam, unknownTeamMessage } from "./match-team.ts";
import { invalidField } from "../errors/field-errors.ts";

/**
 * The one notion of "told": every notification entry names a catalog team of the actor's
 * organisation by id, whichever way it was written (the composer's `/notify Fulfillment …`, the
 * panel's "Mark told…", the API, a page). A `teamId` must be one of the organisation's teams
 * (another organisation's id would put a cross-tenant reference in the record); a bare `target`
 * is resolved by name, and a name that is no team is a 422 naming it. The stored target is the
 * team's own name, so the timeline, the panel, triage and the post-mortem all say the same.
 *
 * Returns the data to store (unchanged when it names no team at all: not a notification).
 */
export async function resolveNotifiedTeam<T extends Record<string, unknown> | null | undefined>(actor: Actor, data: T): Promise<T> {
  if (!data) return data;
  const teamId = data.teamId;
  const target = data.target;
  if (typeof teamId !== "string" && typeof target !== "string") return data;
  const teams = await db().team.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, name: true } });
  if (typeof teamId === "string") {
    const team = teams.find((t) => t.id === teamId);
    if (!team) throw invalidField("data.teamId", "no such team in your organisation");
    return { ...data, teamId: team.id, target: team.name };
  }
  const team = matchTeam(String(target), teams);
  if (!team) throw invalidField("data.target", unknownTeamMessage(String(target), teams));
  return { ...data, teamId: team.id, target: team.name };
}
