import type { Actor } from "../auth/actor.ts";
import { toldSentence } from "./composer-input.ts";
import type { NotifyChannel } from "../vocabulary/timeline.ts";
import { resolveNotifiedTeam } from "./resolve-notified-team.ts";
import { postEvent } from "./post-event.ts";
import { type PostEventResult } from "./posted-entry.ts";

export interface NotificationRecord {
  /** The catalog team told: its id (the panel, a page) or its name as typed (`/notify Fulfillment`). */
  team: { id: string } | { name: string };
  channel: NotifyChannel;
  /** What was said; a plain sentence ("Told Payments by pager") when empty. */
  body?: string;
  acknowledgedAt?: string | null;
  occurredAt?: string;
  /** Makes retries idempotent (the outbox's id, a pager's dedup key). */
  clientId?: string;
}

/**
 * Records that a team was told: the one write behind `/notify`, the panel's "Mark told…" and
 * paging (`channel: "pager"`). It is a notification entry on the timeline naming a catalog team
 * by id (resolveNotifiedTeam, which postEvent runs for every notification however it arrives),
 * and that entry is what the room's "Teams to tell", triage's "not told yet", the post-mortem
 * and insights read. Unknown teams are a 422 naming them; nothing is written.
 */
export async function recordNotification(actor: Actor, incidentId: string, record: NotificationRecord): Promise<PostEventResult> {
  const named = "id" in record.team ? { teamId: record.team.id } : { target: record.team.name };
  const data = await resolveNotifiedTeam(actor, { ...named, channel: record.channel, acknowledgedAt: record.acknowledgedAt ?? null });
  const teamName = String(data.target);
  return postEvent(actor, incidentId, {
    kind: "notification",
    body: record.body?.trim() || toldSentence(teamName, record.channel),
    data,
    ...(record.occurredAt ? { occurredAt: record.occurredAt } : {}),
    ...(record.clientId ? { clientId: record.clientId } : {}),
  });
}
