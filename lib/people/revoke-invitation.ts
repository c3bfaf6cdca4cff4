import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { personSelect, toPersonDto, type PersonDto } from "./person-dto.ts";
import { lockPerson } from "./lock-person.ts";

/** ADMIN: the person's open invitation stops working; they stay listed as invited until deactivated. */
export async function revokeInvitation(actor: Actor, personId: string): Promise<PersonDto> {
  assertCan(actor, "org:admin");
  return db().$transaction(async (tx) => {
    const person = await lockPerson(tx, actor, personId);
    const revoked = await tx.accessLink.updateMany({
      where: { userId: person.id, purpose: "invitation", usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count > 0)
      await recordAudit(tx, actor, {
        action: "user.invitation_revoked",
        entityType: "User",
        entityId: person.id,
        after: { email: person.email },
      });
    return toPersonDto(await tx.user.findUniqueOrThrow({ where: { id: person.id }, select: personSelect }));
  });
}
