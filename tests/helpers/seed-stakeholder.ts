import type { Actor } from "../../lib/auth/actor.ts";
import { db } from "../../lib/db/client.ts";
import { postStakeholderUpdate, type PostedStakeholderUpdate } from "../../lib/stakeholder/post-stakeholder-update.ts";
import type { TPostStakeholderUpdate } from "../../lib/stakeholder/schemas.ts";

/** Posts a stakeholder update through the one write path; next one due in 30 minutes unless said. */
export function seedStakeholderUpdate(
  actor: Actor,
  incidentId: string,
  overrides: Partial<TPostStakeholderUpdate> = {},
): Promise<PostedStakeholderUpdate> {
  return postStakeholderUpdate(actor, incidentId, {
    affected: "Some card payments fail at checkout",
    doing: "Rolling back the payment gateway adapter",
    nextUpdateBy: new Date(Date.now() + 30 * 60_000).toISOString(),
    ...overrides,
  });
}

/** Moves an update's promise into the past (the API refuses past times), as if time had passed. */
export async function makeOverdue(updateId: string, minutesAgo = 4): Promise<Date> {
  const due = new Date(Date.now() - minutesAgo * 60_000);
  await db().stakeholderUpdate.update({ where: { id: updateId }, data: { nextUpdateBy: due } });
  return due;
}
