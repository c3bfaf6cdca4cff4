// Reminds the room when a promised stakeholder update is overdue. Runs in server.ts beside the
// health poller; safe with several instances: each reminder is claimed under a row lock with SKIP
// LOCKED and marked in the same transaction that writes it, so it is written exactly once.
import { startBackgroundWorker } from "../background/start-background-worker.ts";
import { db } from "../db/client.ts";
import { publishStakeholderUpdate, publishTimelineEvent } from "../realtime/emit.ts";
import { appendEvent } from "../timeline/append-event.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { formatDue } from "./format-due.ts";
import { stakeholderUpdateSelect, toStakeholderUpdateDto, type StakeholderUpdateDto } from "./stakeholder-dto.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";

export const REMINDER_TICK_MS = 15_000;
/** Reminders per pass at most, so one pass cannot run forever on a backlog. */
const MAX_PER_PASS = 100;

interface Claimed {
  id: string;
  incidentId: string;
  organizationId: string;
  nextUpdateBy: Date;
  timeZone: string;
}

/**
 * Claims and writes one overdue reminder: the newest update of an unresolved incident whose
 * "next update by" has passed and that has not been reminded. Null when none is due.
 */
async function remindOne(now: Date): Promise<{ organizationId: string; update: StakeholderUpdateDto; event: TimelineEventDto } | null> {
  return db().$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<Claimed[]>`
        SELECT s.id, s."incidentId", s."organizationId", s."nextUpdateBy", o."timeZone"
        FROM "StakeholderUpdate" s
        JOIN "Incident" i ON i.id = s."incidentId"
        JOIN "Organization" o ON o.id = s."organizationId"
        WHERE s."nextUpdateBy" <= ${now} AND s."reminderSentAt" IS NULL AND i.status <> 'resolved'
          AND NOT EXISTS (
            SELECT 1 FROM "StakeholderUpdate" n
            WHERE n."incidentId" = s."incidentId" AND (n."createdAt", n.id) > (s."createdAt", s.id)
          )
        ORDER BY s."nextUpdateBy" ASC
        LIMIT 1
        FOR UPDATE OF s SKIP LOCKED`;
    const due = claimed[0];
    if (!due) return null;
    const row = await tx.stakeholderUpdate.update({
      where: { id: due.id },
      data: { reminderSentAt: now },
      select: stakeholderUpdateSelect,
    });
    const event = await appendEvent(tx, {
      incidentId: due.incidentId,
      kind: "stakeholder_update",
      body: `Stakeholder update overdue (was due ${formatDue(due.nextUpdateBy, due.timeZone)})`,
      data: { reminder: true, updateId: due.id, dueAt: due.nextUpdateBy.toISOString() },
      authorId: null,
    });
    return { organizationId: due.organizationId, update: toStakeholderUpdateDto(row), event };
  }, TX_OPTIONS);
}

/** One pass: writes every due reminder (up to the cap) and pushes each after its commit. Returns how many. */
export async function sendDueReminders(now: () => Date = () => new Date()): Promise<number> {
  let sent = 0;
  for (; sent < MAX_PER_PASS; sent++) {
    const done = await remindOne(now());
    if (!done) break;
    publishTimelineEvent(done.event);
    publishStakeholderUpdate(done.organizationId, done.update);
  }
  return sent;
}

export interface StakeholderReminders {
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the background tick; `stop()` waits for a pass in flight so the database can close. */
export function startStakeholderReminders(options: { tickMs?: number; now?: () => Date } = {}): StakeholderReminders {
  const worker = startBackgroundWorker({
    name: "stakeholder reminder",
    tickMs: options.tickMs ?? REMINDER_TICK_MS,
    pass: () => sendDueReminders(options.now),
    failedResult: 0,
  });
  return { runOnce: worker.runOnce, stop: worker.stop };
}
