import { kickOutbound } from "../outbound/kick-outbound.ts";
import { publishTimelineEvent } from "../realtime/emit.ts";
import { escalateDuePage } from "./escalate-due-page.ts";

const MAX_PER_PASS = 100;

/** One pass: every due escalation (up to the cap), each pushed after its commit. Returns how many. */
export async function escalateDuePages(now: () => Date = () => new Date()): Promise<number> {
  let done = 0;
  for (; done < MAX_PER_PASS; done++) {
    const entries = await escalateDuePage(now());
    if (!entries) break;
    for (const e of entries) publishTimelineEvent(e);
    kickOutbound();
  }
  return done;
}
