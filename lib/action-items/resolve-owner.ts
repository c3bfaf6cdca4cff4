import type { Actor } from "../auth/actor.ts";
import { invalidField } from "../errors/field-errors.ts";
import type { Prisma } from "../db/generated/client.ts";

type Tx = Prisma.TransactionClient;

/** An owner must be a person or a team of the actor's organisation; anything else is a 422 naming the field. */
export async function assertOwnerInOrganization(
  tx: Tx,
  actor: Actor,
  owner: { ownerUserId?: string | null; ownerTeamId?: string | null },
): Promise<void> {
  if (owner.ownerUserId) {
    const user = await tx.user.findFirst({ where: { id: owner.ownerUserId, organizationId: actor.organizationId }, select: { id: true } });
    if (!user) throw invalidField("ownerUserId", `unknown user ${owner.ownerUserId}`);
  }
  if (owner.ownerTeamId) {
    const team = await tx.team.findFirst({ where: { id: owner.ownerTeamId, organizationId: actor.organizationId }, select: { id: true } });
    if (!team) throw invalidField("ownerTeamId", `unknown team ${owner.ownerTeamId}`);
  }
}
