import type { Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";

/**
 * A notification may name the catalog team it told (`data.teamId`). It must be a team of the
 * actor's organisation: the schema only knows it is a UUID, and another organisation's id would
 * put a cross-tenant reference in the record.
 */
export async function assertNotifiedTeam(actor: Actor, data: Record<string, unknown> | null | undefined): Promise<void> {
  const teamId = data?.teamId;
  if (typeof teamId !== "string") return;
  const team = await db().team.findFirst({ where: { id: teamId, organizationId: actor.organizationId }, select: { id: true } });
  if (team) return;
  const message = "no such team in your organisation";
  throw new AppError("validation_failed", `Invalid input — data.teamId: ${message}`, { fields: [{ field: "data.teamId", message }] });
}
