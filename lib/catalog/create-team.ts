import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { publishCatalogChanged } from "../realtime/emit.ts";
import type { TeamDetailDto } from "./catalog-dto.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { ZTeamInput } from "./schemas.ts";
import { assertNameFree, auditView, emptyToNull, loadTeam, nameTaken, resolveMembers } from "./team-record.ts";

export async function createTeam(actor: Actor, input: unknown): Promise<TeamDetailDto> {
  assertCan(actor, "catalog:edit");
  const data = ZTeamInput.parse(input);
  try {
    const team = await db().$transaction(async (tx) => {
      await assertNameFree(tx, actor, data.name);
      const memberIds = await resolveMembers(tx, actor, data.memberIds ?? []);
      const { id } = await tx.team.create({
        data: {
          organizationId: actor.organizationId,
          name: data.name,
          chatChannel: emptyToNull(data.chatChannel) ?? null,
          description: data.description ?? "",
          onCall: data.onCall ?? [],
          escalationContact: data.escalationContact ?? "",
          members: { create: memberIds.map((userId) => ({ userId })) },
        },
        select: { id: true },
      });
      const team = await loadTeam(tx, actor, id);
      await recordAudit(tx, actor, { action: "team.create", entityType: "Team", entityId: id, after: auditView(team) });
      return team;
    }, TX_OPTIONS);
    publishCatalogChanged(actor.organizationId, { entity: "team", action: "created", id: team.id });
    return team;
  } catch (error) {
    throw nameTaken(error, data.name) ?? error;
  }
}
