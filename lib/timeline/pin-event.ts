import { assertCan, type Actor } from "../auth/actor.ts";
import { AppError, forbidden } from "../errors/app-error.ts";
import { changeEntry, type ChangeResult } from "./change-entry.ts";
import { unprocessableEntry } from "./unprocessable-entry.ts";
import { isPinnableKind } from "./entry-permissions.ts";
import { ZPinEvent } from "./schemas.ts";

/** Pins an entry as a key moment (or unpins it). Commanders and admins; pinning twice is a no-op. */
export async function pinEvent(actor: Actor, incidentId: string, seq: unknown, input: unknown): Promise<ChangeResult> {
  assertCan(actor, "timeline:amend-own");
  const { pinned } = ZPinEvent.parse(input);
  return changeEntry(actor, incidentId, seq, (target, who) => {
    if (!who.canModerate) throw forbidden("Only a commander or an admin can pin entries");
    if (!isPinnableKind(target.kind)) throw unprocessableEntry(target.seq, "a change record cannot be pinned");
    if (pinned && target.struck) throw new AppError("conflict", `Entry #${target.seq} is struck through; restore it before pinning it`);
    if (target.pinned === pinned) return null;
    return {
      change: pinned ? "pin" : "unpin",
      sentence: `${pinned ? "pinned" : "unpinned"} #${target.seq}`,
      update: { pinned },
      keepRevision: false,
    };
  });
}
