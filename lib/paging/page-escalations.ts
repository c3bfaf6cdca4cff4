// Escalates pages nobody acknowledged in time. Runs in server.ts beside the other background
// jobs, with an injected clock for tests; safe with several instances: each due page is claimed
// under a row lock with SKIP LOCKED and moved on in the same transaction.
import { startBackgroundWorker } from "../background/start-background-worker.ts";
import { db } from "../db/client.ts";
import { kickOutbound } from "../outbound/kick-outbound.ts";
import { publishTimelineEvent } from "../realtime/emit.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { escalatePage } from "./escalate-page.ts";
import { pageSelect } from "./page-dto.ts";
import { routeSelect } from "./queue-page.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";

export const ESCALATION_TICK_MS = 15_000;
const MAX_PER_PASS = 100;

async function escalateOne(now: Date): Promise<TimelineEventDto[] | null> {
  return db().$transaction(
    async (tx) => {
      const due = await tx.$queryRaw<{ id: string; organizationId: string }[]>`
        SELECT p.id, p."organizationId" FROM "Page" p
        JOIN "Incident" i ON i.id = p."incidentId"
        WHERE p.status = 'triggered' AND p."nextEscalationAt" <= ${now} AND i.status <> 'resolved'
        ORDER BY p."nextEscalationAt" ASC
        LIMIT 1
        FOR UPDATE OF p SKIP LOCKED`;
      const claimed = due[0];
      if (!claimed) return null;
      const page = await tx.page.findUniqueOrThrow({ where: { id: claimed.id }, select: pageSelect });
      const route = await tx.pagingRoute.findUnique({ where: { teamId: page.teamId }, select: routeSelect });
      if (!route?.channel.isEnabled) {
        await tx.page.update({ where: { id: page.id }, data: { nextEscalationAt: null } });
        return [];
      }
      const minutes = route.escalateAfterMinutes ?? 0;
      const result = await escalatePage(tx, { organizationId: claimed.organizationId, page, route, by: null, now, why: `not acknowledged within ${minutes} min` });
      return result.entries;
    },
    TX_OPTIONS,
  );
}

/** One pass: every due escalation (up to the cap), each pushed after its commit. Returns how many. */
export async function escalateDuePages(now: () => Date = () => new Date()): Promise<number> {
  let done = 0;
  for (; done < MAX_PER_PASS; done++) {
    const entries = await escalateOne(now());
    if (!entries) break;
    for (const e of entries) publishTimelineEvent(e);
    kickOutbound();
  }
  return done;
}

export interface PageEscalations {
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startPageEscalations(options: { tickMs?: number; now?: () => Date; autoStart?: boolean } = {}): PageEscalations {
  const worker = startBackgroundWorker({
    name: "page escalation",
    tickMs: options.tickMs ?? ESCALATION_TICK_MS,
    isTicking: options.autoStart !== false,
    pass: () => escalateDuePages(options.now),
    failedResult: 0,
  });
  return { runOnce: worker.runOnce, stop: worker.stop };
}
