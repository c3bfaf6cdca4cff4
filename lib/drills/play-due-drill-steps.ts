import { publishTimelineEvent } from "../realtime/emit.ts";
import { playDueDrill } from "./play-due-drill.ts";

const MAX_PER_PASS = 50;

/** One pass: every due step of every running drill (up to the cap), each pushed after its commit. */
export async function playDueDrillSteps(now: () => Date = () => new Date()): Promise<number> {
  let played = 0;
  for (; played < MAX_PER_PASS; played++) {
    const result = await playDueDrill(now());
    if (!result) break;
    for (const e of result.entries) publishTimelineEvent(e);
  }
  return played;
}
