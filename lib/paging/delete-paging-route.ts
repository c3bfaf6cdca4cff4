import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { notFound } from "../errors/app-error.ts";
import { routeDtoSelect, toRouteDto } from "./route-dto.ts";
import { auditView, findTeamOrThrow } from "./route-record.ts";

export async function deletePagingRoute(actor: Actor, teamId: string): Promise<{ deleted: { id: string; teamId: string } }> {
  assertCan(actor, "catalog:edit");
  return db().$transaction(async (tx) => {
    const team = await findTeamOrThrow(tx, actor, teamId);
    const row = await tx.pagingRoute.findUnique({ where: { teamId: team.id }, select: routeDtoSelect });
    if (!row) throw notFound("Paging route");
    // The channel owns the route (cascade) and its queued pages, which are not sent.
    await tx.outboundChannel.delete({ where: { id: row.channel.id } });
    await recordAudit(tx, actor, {
      action: "paging_route.delete",
      entityType: "PagingRoute",
      entityId: row.id,
      before: auditView(toRouteDto(row)),
    });
    return { deleted: { id: row.id, teamId: team.id } };
  });
}
