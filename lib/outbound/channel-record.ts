import { type Actor } from "../auth/actor.ts";
import type { Prisma } from "../db/generated/client.ts";
import { invalidField } from "../errors/field-errors.ts";

type Tx = Prisma.TransactionClient;

export async function checkName(tx: Tx, actor: Actor, name: string, exceptId?: string) {
  const clash = await tx.outboundChannel.findFirst({
    where: {
      organizationId: actor.organizationId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw invalidField("name", `a channel named "${name}" already exists`);
}

export async function checkTeam(tx: Tx, actor: Actor, teamId: string | null | undefined) {
  if (!teamId) return;
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId: actor.organizationId }, select: { id: true } });
  if (!team) throw invalidField("teamId", "no such team in your organisation");
}
