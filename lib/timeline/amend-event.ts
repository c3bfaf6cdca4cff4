import { assertCan, type Actor } from "../auth/actor.ts";
import type { Prisma } from "../db/generated/client.ts";
import { AppError, forbidden } from "../errors/app-error.ts";
import { changeEntry, type ChangeResult } from "./change-entry.ts";
import { unprocessableEntry } from "./unprocessable-entry.ts";
import { classifyContentChange } from "./classify-change.ts";
import { isAmendableKind } from "./entry-permissions.ts";
import { dataSchemaFor } from "./event-data.ts";
import { resolveNotifiedTeam } from "./resolve-notified-team.ts";
import { ZAmendedContent, ZAmendEvent } from "./schemas.ts";

/** An entry's data with its kind's defaults filled in, so "no outcome yet" equals "pending". */
function normalised(kind: string, data: Record<string, unknown> | null): Record<string, unknown> | null {
  const parsed = dataSchemaFor(kind)?.safeParse(data ?? {});
  return parsed?.success ? parsed.data : data;
}

/**
 * Corrects an entry's text or data, or moves it along: an action's outcome, a hypothesis's state,
 * a notification's acknowledgement. `data` is merged into the entry's data and re-validated.
 * Authors change their own entries; commanders and admins anyone's.
 */
export async function amendEvent(actor: Actor, incidentId: string, seq: unknown, input: unknown): Promise<ChangeResult> {
  assertCan(actor, "timeline:amend-own");
  const parsed = ZAmendEvent.parse(input);
  // A corrected target or team is resolved like a new one: both name the same catalog team.
  const patch = { ...parsed, data: await resolveNotifiedTeam(actor, parsed.data) };
  return changeEntry(actor, incidentId, seq, (target, who) => {
    if (!isAmendableKind(target.kind)) throw unprocessableEntry(target.seq, "entries the system wrote cannot be corrected");
    if (!who.isOwn && !who.canModerate) throw forbidden("Only the author, a commander or an admin can change this entry");
    if (target.struck) throw new AppError("conflict", `Entry #${target.seq} is struck through; restore it before changing it`);

    const next = ZAmendedContent(target.kind).parse({
      body: patch.body ?? target.body,
      data: patch.data ? { ...(target.data ?? {}), ...patch.data } : target.data,
    });
    const before = { body: target.body, data: normalised(target.kind, target.data) };
    const named = classifyContentChange(target.kind, target.seq, before, next);
    if (!named) return null;
    return {
      change: named.change,
      sentence: named.sentence,
      update: {
        body: next.body,
        data: (next.data ?? undefined) as Prisma.InputJsonValue | undefined,
        // "edited" means the words or facts were corrected; moving an action along is not an edit.
        ...(named.change === "correct" ? { editedAt: new Date() } : {}),
      },
      keepRevision: true,
    };
  });
}
