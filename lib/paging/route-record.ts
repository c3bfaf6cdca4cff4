// Paging routes per team (catalog → team; ADMIN and COMMANDER). The key lives in a channel the
// route owns, stored like every channel secret and never returned; the signed page webhook gets
// a generated signing secret, shown once.
import { type Actor } from "../auth/actor.ts";
import type { Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import { z } from "zod";
import { type PagingRouteDto } from "./route-dto.ts";

type Tx = Prisma.TransactionClient;

export async function findTeamOrThrow(tx: Tx, actor: Actor, teamId: string) {
  if (!z.uuid().safeParse(teamId).success) throw notFound("Team");
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId: actor.organizationId }, select: { id: true, name: true } });
  if (!team) throw notFound("Team");
  return team;
}

/** The audit log keeps what changed, never a key. */
export const auditView = (dto: PagingRouteDto) => ({ ...dto, updatedAt: undefined });
