import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { publishCatalogChanged } from "../realtime/emit.ts";
import type { TeamDetailDto } from "./catalog-dto.ts";
import { assertId } from "../errors/field-errors.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { ZTeamPatch } from "./schemas.ts";
import { assertNameFree, auditView, emptyToNull, loadTeam, nameTaken, resolveMembers } from "./team-record.ts";

/** Changes the fields sent; `memberIds` replaces the member list. */
export async function updateTeam(actor: Actor, teamId: string, input: unknown): Promise<TeamDetailDto> {
  assertCan(actor, "catalog:edit");
  assertId(teamId, "Team");
  const data = ZTeamPatch.parse(input);
  try {
    const team = await db().$transaction(async (tx) => {
      const before = await loadTeam(tx, actor, teamId);
      if (data.name !== undefined) await assertNameFree(tx, actor, data.name, teamId);
      const memberIds = data.memberIds === undefined ? undefined : await resolveMembers(tx, actor, data.memberIds);
      await tx.team.update({
        where: { id: teamId },
        data: {
          name: data.name,
          chatChannel: emptyToNull(data.chatChannel),
          description: data.description,
          onCall: data.onCall,
          escalationContact: data.escalationContact,
          members: memberIds ? { deleteMany: {}, create: memberIds.map((userId) => ({ userId })) } : undefined,
        },
      });
      const after = await loadTeam(tx, actor, teamId);
      await recordAudit(tx, actor, {
        action: "team.update",
        entityType: "Team",
        entityId: teamId,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    }, TX_OPTIONS);
    publishCatalogChanged(actor.organizationId, { entity: "team", action: "updated", id: teamId });
    return team;
  } catch (error) {
    throw nameTaken(error, data.name) ?? error;
  }
}
