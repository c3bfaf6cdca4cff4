import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { publishCatalogChanged } from "../realtime/emit.ts";
import type { DeletedDto } from "./catalog-dto.ts";
import { assertId } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { auditView, loadTeam } from "./team-record.ts";

/** Refused while the team owns services: every service must keep an owner. */
export async function deleteTeam(actor: Actor, teamId: string): Promise<DeletedDto> {
  assertCan(actor, "catalog:edit");
  assertId(teamId, "Team");
  const deleted = await db().$transaction(async (tx) => {
    const team = await loadTeam(tx, actor, teamId);
    if (team.services.length) {
      const names = team.services.map((s) => `"${s.name}"`).join(", ");
      const count = team.services.length === 1 ? "1 service" : `${team.services.length} services`;
      throw new AppError("conflict", `Team "${team.name}" still owns ${count} (${names}); give them another owner or delete them first`, {
        services: team.services.map((s) => ({ id: s.id, name: s.name })),
      });
    }
    await tx.team.delete({ where: { id: teamId } });
    await recordAudit(tx, actor, { action: "team.delete", entityType: "Team", entityId: teamId, before: auditView(team) });
    return { id: team.id, name: team.name };
  }, TX_OPTIONS);
  publishCatalogChanged(actor.organizationId, { entity: "team", action: "deleted", id: teamId });
  return { deleted };
}
