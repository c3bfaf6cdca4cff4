import { assertCan, type Actor } from "../auth/actor.ts";
import { AppError, forbidden } from "../errors/app-error.ts";
import { changeEntry, type ChangeResult } from "./change-entry.ts";
import { unprocessableEntry } from "./unprocessable-entry.ts";
import { isStrikableKind } from "./entry-permissions.ts";
import { ZStrikeEvent } from "./schemas.ts";

/**
 * Strikes an entry through with a reason: it stays in the record (and in the stream) but leaves
 * the default views. Commanders and admins. Striking also unpins, so key moments stay true.
 */
export async function strikeEvent(actor: Actor, incidentId: string, seq: unknown, input: unknown): Promise<ChangeResult> {
  assertCan(actor, "timeline:amend-own");
  const { reason } = ZStrikeEvent.parse(input);
  return changeEntry(actor, incidentId, seq, (target, who) => {
    if (!who.canModerate) throw forbidden("Only a commander or an admin can strike entries through");
    if (!isStrikableKind(target.kind)) throw unprocessableEntry(target.seq, "entries the system wrote cannot be struck through");
    if (target.struck) {
      throw new AppError(
        "conflict",
        `Entry #${target.seq} was already struck through by ${target.struck.by?.name ?? "someone"}: ${target.struck.reason}`,
      );
    }
    return {
      change: "strike",
      sentence: `struck #${target.seq} through: ${reason}`,
      update: { struckAt: new Date(), struckReason: reason, struckById: actor.userId, pinned: false },
      keepRevision: false,
    };
  });
}

/** Takes a strike-through back; restoring an entry that is not struck is a no-op. */
export async function restoreEvent(actor: Actor, incidentId: string, seq: unknown): Promise<ChangeResult> {
  assertCan(actor, "timeline:amend-own");
  return changeEntry(actor, incidentId, seq, (target, who) => {
    if (!who.canModerate) throw forbidden("Only a commander or an admin can restore struck entries");
    if (!target.struck) return null;
    return {
      change: "unstrike",
      sentence: `restored #${target.seq}`,
      update: { struckAt: null, struckReason: null, struckById: null },
      keepRevision: false,
    };
  });
}
